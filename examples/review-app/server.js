// The app that review environments run on the embedded default: every pull
// request of this repository labelled `review` gets its own copy, started
// from a worktree of the PR's commit. It shows what it was deployed from.
const http = require('node:http');
const { execFileSync } = require('node:child_process');

const port = Number(process.env.PORT || 8080);
const commit = execFileSync('git', ['rev-parse', 'HEAD'], {
  encoding: 'utf8',
}).trim();
const environment = process.env.REVIEW_ENV_ID || 'local';
const branch = process.env.REVIEW_ENV_BRANCH || 'unknown';

const server = http.createServer((req, res) => {
  if (req.url === '/health') {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('ok');
    return;
  }
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(
    `<!doctype html><title>${environment}</title>` +
      `<h1>Review environment ${environment}</h1>` +
      `<p>Branch <code>${branch}</code>, commit <code>${commit}</code>.</p>`,
  );
});

server.listen(port, '127.0.0.1', () => {
  console.log(
    `${environment} serving ${branch}@${commit.slice(0, 12)} on port ${port}`,
  );
});
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
