/**
 * Polls `url` until it answers 200. Resolves to undefined once it does, else
 * to the reason it never did: the deadline passed, or `stopped()` named a
 * reason to give up early (the process exited, the rollout failed, ...).
 */
export async function waitForHealthy(
  url: string,
  options: {
    timeoutMs: number;
    intervalMs?: number;
    stopped?: () => string | undefined;
  },
): Promise<string | undefined> {
  const deadline = Date.now() + options.timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    const stopped = options.stopped?.();
    if (stopped) return stopped;
    try {
      const response = await fetch(url, {
        signal: AbortSignal.timeout(2_000),
      });
      await response.arrayBuffer();
      if (response.status === 200) return undefined;
      last = `status ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise(done => setTimeout(done, options.intervalMs ?? 200));
  }
  return `${url} did not answer 200 within ${
    options.timeoutMs / 1000
  } s (last: ${last})`;
}
