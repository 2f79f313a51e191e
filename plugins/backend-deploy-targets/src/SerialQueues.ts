/** Runs work one at a time per key (an environment's deploys and teardowns), keys in parallel. */
export class SerialQueues {
  private readonly queues = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const before = this.queues.get(key) ?? Promise.resolve();
    const run = before.catch(() => {}).then(work);
    this.queues.set(key, run);
    run
      .catch(() => {})
      .finally(() => {
        if (this.queues.get(key) === run) this.queues.delete(key);
      });
    return run;
  }
}
