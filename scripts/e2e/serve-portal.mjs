// Playwright's webServer for the journey tests: builds the app, then serves
// it from a backend with fresh data until Playwright stops this process.
import { buildApp, startPortal } from '../lib/servePortal.mjs';

const port = Number(process.env.PORTAL_E2E_PORT ?? 7017);

if (process.env.PORTAL_E2E_SKIP_BUILD !== '1') buildApp();
const portal = await startPortal({
  port,
  name: 'e2e',
  extraConfigFiles: ['e2e/app-config.e2e.yaml'],
});
process.stdout.write(portal.output.join(''));

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await portal.stop();
    process.exit(0);
  });
}
