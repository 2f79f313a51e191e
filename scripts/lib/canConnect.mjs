// Exits 0 when a TCP connection to the host and port of the given URL opens
// within two seconds, 1 otherwise. Usage: node canConnect.mjs postgresql://host:port
import { connect } from 'node:net';

const url = new URL(process.argv[2]);
const socket = connect({ host: url.hostname, port: Number(url.port || 5432) });
socket.setTimeout(2000);
socket.once('connect', () => {
  socket.destroy();
  process.exit(0);
});
for (const event of ['timeout', 'error']) {
  socket.once(event, () => {
    socket.destroy();
    process.exit(1);
  });
}
