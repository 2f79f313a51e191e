// What answers at an ECS service's URL in the cloud-local profile. moto
// runs no containers, so this stands in for the load balancer in front of
// them: /<environment id>/... answers 200 with the environment's id, for
// every environment whose ECS service is active in moto's cluster.
import { createServer } from 'node:http';

export function startFakeIngress({ port, isServing }) {
  const server = createServer(async (req, res) => {
    const [environmentId] = new URL(req.url, 'http://localhost').pathname
      .split('/')
      .filter(Boolean);
    const serving = environmentId && (await isServing(environmentId));
    res.writeHead(serving ? 200 : 404, { 'Content-Type': 'text/plain' });
    res.end(
      serving
        ? `${environmentId}: an ECS service in the cloud-local profile\n`
        : `no ECS service serves ${environmentId ?? '/'}\n`,
    );
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () =>
      done({ close: () => new Promise(ok => server.close(ok)) }),
    );
  });
}
