import { createServer } from 'node:http';

/** ${{ values.description }} */
export const server = createServer((req, res) => {
  if (req.url === '/health') {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('ok');
    return;
  }
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ service: '${{ values.name }}' }));
});

if (require.main === module) {
  const port = Number(process.env.PORT ?? 8080);
  server.listen(port, () => console.log(`${{ values.name }} listening on ${port}`));
}
