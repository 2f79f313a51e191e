// Cloudflare's DNS records API on loopback, for the cloud-local profile: the
// calls the tenant DNS driver makes (list by exact name, create, delete) in
// one zone, kept in memory and answered in Cloudflare's envelope. Not a
// test double of the driver: the driver's own tests use msw.
import { createServer } from 'node:http';

export function startFakeCloudflare({ port, zoneId, log = console.log }) {
  const records = [];
  let nextId = 1;
  const send = (res, status, result, extra = {}) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(
      JSON.stringify({
        success: status < 400,
        errors: status < 400 ? [] : [{ code: status, message: String(result) }],
        messages: [],
        result: status < 400 ? result : null,
        ...extra,
      }),
    );
  };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const base = `/client/v4/zones/${zoneId}/dns_records`;
    if (!url.pathname.startsWith(base)) {
      send(res, 404, `no zone at ${url.pathname}`);
      return;
    }
    if (req.headers.authorization !== 'Bearer cloud-local') {
      send(res, 403, 'Authentication error');
      return;
    }
    const id = url.pathname.slice(base.length + 1);
    if (req.method === 'GET' && !id) {
      const name = url.searchParams.get('name.exact');
      const page = Number(url.searchParams.get('page') ?? 1);
      const found =
        page === 1 ? records.filter(r => !name || r.name === name) : [];
      send(res, 200, found, {
        result_info: {
          page,
          per_page: 100,
          count: found.length,
          total_count: found.length,
          total_pages: 1,
        },
      });
      return;
    }
    if (req.method === 'POST' && !id) {
      let body = '';
      for await (const chunk of req) body += chunk;
      const record = { id: `rec-${nextId++}`, ...JSON.parse(body) };
      records.push(record);
      log(
        `[cloudflare] created ${record.type} ${record.name} → ${record.content}`,
      );
      send(res, 200, record);
      return;
    }
    if (req.method === 'DELETE' && id) {
      const index = records.findIndex(r => r.id === id);
      if (index < 0) {
        send(res, 404, `no record ${id}`);
        return;
      }
      const [record] = records.splice(index, 1);
      log(`[cloudflare] deleted ${record.name}`);
      send(res, 200, { id });
      return;
    }
    send(res, 405, `${req.method} is not supported here`);
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () =>
      done({ records, close: () => new Promise(ok => server.close(ok)) }),
    );
  });
}
