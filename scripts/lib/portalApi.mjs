// The portal's REST API as the scripts use it: sign-in, the New tenant
// template through the scaffolder, and waiting for its tasks.

export async function guestToken(url) {
  const res = await fetch(`${url}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!res.ok)
    throw new Error(`guest sign-in failed: ${res.status} ${await res.text()}`);
  return (await res.json()).backstageIdentity.token;
}

export async function waitForTemplate(url, token) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const res = await fetch(
      `${url}/api/catalog/entities/by-name/template/default/new-tenant`,
      {
        headers: { Authorization: `Bearer ${token}` },
      },
    );
    if (res.ok) return;
    await new Promise(done => setTimeout(done, 1000));
  }
  throw new Error('the New tenant template did not reach the catalog');
}

/** Starts the New tenant template for `slug`; returns the task's id. */
export async function startNewTenant(url, token, slug, name = `Bench ${slug}`) {
  const res = await fetch(`${url}/api/scaffolder/v2/tasks`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({
      templateRef: 'template:default/new-tenant',
      values: {
        name,
        slug,
        region: 'eu-west-1',
        owner: 'group:default/customer-success',
        planKind: 'paid',
        palette: {
          primary: '#1f6feb',
          secondary: '#ffffff',
          background: '#0d1117',
        },
      },
    }),
  });
  if (!res.ok)
    throw new Error(`task not created: ${res.status} ${await res.text()}`);
  return (await res.json()).id;
}

/**
 * Waits for a scaffolder task to end; a task that did not complete carries
 * the last lines of its log.
 */
export async function waitForTask(url, token, id, timeoutMs = 600_000) {
  const headers = { Authorization: `Bearer ${token}` };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const res = await fetch(`${url}/api/scaffolder/v2/tasks/${id}`, {
      headers,
    }).catch(() => undefined);
    const task = res?.ok ? await res.json() : undefined;
    if (task && ['completed', 'failed', 'cancelled'].includes(task.status)) {
      if (task.status !== 'completed') {
        const events = await (
          await fetch(`${url}/api/scaffolder/v2/tasks/${id}/events`, {
            headers,
          })
        ).json();
        task.log = events
          .map(event => event.body?.message)
          .filter(Boolean)
          .slice(-6);
      }
      return task;
    }
    await new Promise(done => setTimeout(done, 200));
  }
  throw new Error(`task ${id} did not end within ${timeoutMs / 1000} s`);
}

/** Runs the New tenant template for `slug` to its end. */
export async function runTemplate(url, token, slug, name) {
  return waitForTask(url, token, await startNewTenant(url, token, slug, name));
}
