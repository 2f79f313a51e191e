// Checks made before the portal starts, so that a bad start fails at once
// with a message that names the problem: config against every package's
// schema (naming the key at fault), then the ports it will listen on.
// Usage: node scripts/lib/preflight.mjs --config app-config.yaml [--config ...]
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { ConfigSources } from '@backstage/config-loader';
import { ConfigReader } from '@backstage/config';

const configArgs = process.argv.slice(2);
const configFiles = configArgs.filter(
  (_, i) => configArgs[i - 1] === '--config',
);

const check = spawnSync(
  'yarn',
  ['backstage-cli', 'config:check', '--strict', ...configArgs],
  { encoding: 'utf8' },
);
if (check.status !== 0) {
  const details = `${check.stdout}\n${check.stderr}`
    .split('\n')
    .filter(line => line.trim() && !line.startsWith('Loaded config'))
    .join('\n');
  fail(
    `the configuration is not valid (${configFiles.join(', ')}):\n${details}`,
  );
}

const config = await readConfig(configFiles);
const ports = [
  { port: backendPort(config), key: 'backend.listen.port', what: 'backend' },
  {
    port: urlPort(config.getString('app.baseUrl')),
    key: 'app.baseUrl',
    what: 'frontend dev server',
  },
];
for (const { port, key, what } of ports) {
  if (!(await isPortFree(port))) {
    fail(
      `port ${port} (${what}, from ${key}) is already in use. ` +
        `Stop whatever listens there (another portal?) or set ${key} in app-config.local.yaml.`,
    );
  }
}

async function readConfig(files) {
  const source = ConfigSources.default({
    rootDir: process.cwd(),
    argv: files.flatMap(file => ['--config', resolve(file)]),
  });
  const data = await ConfigSources.toConfig(source);
  try {
    return ConfigReader.fromConfigs([
      { context: 'preflight', data: data.get() },
    ]);
  } finally {
    data.close?.();
  }
}

function backendPort(config) {
  const listen = config.getOptional('backend.listen');
  if (typeof listen === 'string') return Number(listen.split(':').pop());
  return Number(config.getOptional('backend.listen.port') ?? 7007);
}

function urlPort(url) {
  const parsed = new URL(url);
  return Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80));
}

function isPortFree(port) {
  return new Promise(done => {
    const server = createServer()
      .once('error', () => done(false))
      .once('listening', () => server.close(() => done(true)))
      .listen(port);
  });
}

function fail(message) {
  console.error(`\x1b[1;31m[portal] error:\x1b[0m ${message}`);
  process.exit(1);
}
