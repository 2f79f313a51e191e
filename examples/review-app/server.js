// The app that review environments run on the embedded default: every pull
// request of this repository labelled `review` gets its own copy, started
// from a worktree of the PR's commit. It shows what it was deployed from,
// and a few rows of each table of its own database (DATABASE_URL), so a
// seed from a tenant's masked data is seen arriving.
const http = require('node:http');
const { execFileSync } = require('node:child_process');

const port = Number(process.env.PORT || 8080);
const commit = execFileSync('git', ['rev-parse', 'HEAD'], {
  encoding: 'utf8',
}).trim();
const environment = process.env.REVIEW_ENV_ID || 'local';
const branch = process.env.REVIEW_ENV_BRANCH || 'unknown';
const databaseUrl = process.env.DATABASE_URL;
const ROWS_SHOWN = 5;

const escape = text =>
  String(text).replace(
    /[&<>"']/g,
    c =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[
        c
      ]),
  );

/** Each table: its name, row count and first rows. Opened afresh each time: a seed replaces the database whole. */
async function readTables() {
  if (databaseUrl.startsWith('file:')) {
    const { DatabaseSync } = require('node:sqlite');
    const db = new DatabaseSync(databaseUrl.slice('file:'.length), {
      readOnly: true,
    });
    try {
      return db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .all()
        .map(({ name }) => {
          const quoted = `"${name.replace(/"/g, '""')}"`;
          return {
            name,
            count: db.prepare(`SELECT count(*) AS n FROM ${quoted}`).get().n,
            rows: db.prepare(`SELECT * FROM ${quoted} LIMIT ?`).all(ROWS_SHOWN),
          };
        });
    } finally {
      db.close();
    }
  }
  const { Client } = require('pg');
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: tables } = await client.query(
      'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1',
    );
    const result = [];
    for (const { name } of tables) {
      const quoted = `"${name.replace(/"/g, '""')}"`;
      const count = await client.query(`SELECT count(*) AS n FROM ${quoted}`);
      const rows = await client.query(
        `SELECT * FROM ${quoted} LIMIT ${ROWS_SHOWN}`,
      );
      result.push({ name, count: count.rows[0].n, rows: rows.rows });
    }
    return result;
  } finally {
    await client.end();
  }
}

async function databaseHtml() {
  if (!databaseUrl) return '<p>No database of its own.</p>';
  try {
    const tables = await readTables();
    if (tables.length === 0) return '<h2>Database</h2><p>No tables yet.</p>';
    return `<h2>Database</h2>${tables
      .map(({ name, count, rows }) => {
        const columns = rows.length ? Object.keys(rows[0]) : [];
        return (
          `<h3>${escape(name)} (${escape(count)} rows)</h3>` +
          (rows.length
            ? `<table border="1" cellpadding="4"><tr>${columns
                .map(c => `<th>${escape(c)}</th>`)
                .join('')}</tr>${rows
                .map(
                  row =>
                    `<tr>${columns
                      .map(c => `<td>${escape(row[c] ?? '')}</td>`)
                      .join('')}</tr>`,
                )
                .join('')}</table>`
            : '')
        );
      })
      .join('')}`;
  } catch (error) {
    return `<h2>Database</h2><p>Could not read it: ${escape(
      error.message,
    )}</p>`;
  }
}

const server = http.createServer(async (req, res) => {
  if (req.url === '/health') {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('ok');
    return;
  }
  const database = await databaseHtml();
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(
    `<!doctype html><title>${escape(environment)}</title>` +
      `<h1>Review environment ${escape(environment)}</h1>` +
      `<p>Branch <code>${escape(
        branch,
      )}</code>, commit <code>${commit}</code>.</p>` +
      database,
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
