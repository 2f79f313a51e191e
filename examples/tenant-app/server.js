// The service each tenant runs on the embedded default, started by the
// tenant:service:deploy action on the local deploy target from a worktree of
// this repository. It serves the tenant's rendered config.yml and answers
// /health.
// A version ending in -broken stands in for a bad release: its health check
// fails, so a fleet upgrade to it leaves the old version serving and pauses.
const http = require('node:http');
const { readFileSync } = require('node:fs');

const port = Number(process.env.PORT || 8080);
const slug = process.env.TENANT_SLUG || 'unknown';
const configFile = process.env.TENANT_CONFIG_FILE;
const version = process.env.TENANT_VERSION || '';

const escape = text =>
  text.replace(
    /[&<>"]/g,
    c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]),
  );

const server = http.createServer((req, res) => {
  if (req.url === '/health') {
    const healthy = !version.endsWith('-broken');
    res.writeHead(healthy ? 200 : 503, { 'Content-Type': 'text/plain' });
    res.end(healthy ? 'ok' : `version ${version} does not work`);
    return;
  }
  let config = '(no config file)';
  try {
    // Read on every request: a re-rendered config applies without a restart.
    config = configFile ? readFileSync(configFile, 'utf8') : config;
  } catch (error) {
    config = `(cannot read ${configFile}: ${error.message})`;
  }
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(
    `<!doctype html><title>Tenant ${escape(slug)}</title>` +
      `<h1>Tenant ${escape(slug)}</h1>` +
      `<p>Version ${escape(version || '(none)')}</p><pre>${escape(
        config,
      )}</pre>`,
  );
});

server.listen(port, '127.0.0.1', () => {
  console.log(`tenant ${slug} serving on port ${port}`);
});
