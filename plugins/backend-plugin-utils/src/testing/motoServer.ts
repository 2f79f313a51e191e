import { spawn, spawnSync } from 'node:child_process';
import { freePort } from '../freePort';

/** A moto_server (the AWS emulator) on a loopback port of its own. */
export type MotoServer = {
  /** e.g. `http://127.0.0.1:41234`: the SDK clients' `endpoint`. */
  endpoint: string;
  /** Clears every resource, as a new server would have none. */
  reset(): Promise<void>;
  /** The default VPC's first two subnets and its security group, which moto makes per region. */
  defaultNetwork(
    region?: string,
  ): Promise<{ subnets: string[]; securityGroups: string[] }>;
  stop(): Promise<void>;
};

/** Where moto_server is, or undefined when it is not on PATH. */
export function findMotoServer(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v moto_server'], {
    encoding: 'utf8',
  });
  const path = found.stdout?.trim();
  return found.status === 0 && path ? path : undefined;
}

/**
 * Starts moto_server on a free port and resolves once it answers. `env`
 * sets moto's own switches, e.g. `MOTO_ECS_SERVICE_RUNNING=1` for ECS
 * services whose tasks count as running.
 */
export async function startMotoServer(
  options: { env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<MotoServer> {
  const command = findMotoServer();
  if (!command) throw new Error('moto_server is not on PATH');
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const child = spawn(command, ['-H', '127.0.0.1', '-p', String(port)], {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', chunk => output.push(String(chunk)));
  child.stderr.on('data', chunk => output.push(String(chunk)));
  const exited = new Promise<void>(done => child.once('exit', () => done()));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(`${endpoint}/moto-api/`);
      if (res.ok) {
        return {
          endpoint,
          stop,
          async reset() {
            const reset = await fetch(`${endpoint}/moto-api/reset`, {
              method: 'POST',
            });
            if (!reset.ok) throw new Error(`moto reset: ${reset.status}`);
          },
          defaultNetwork: region => defaultNetwork(endpoint, region),
        };
      }
    } catch {
      // not listening yet
    }
    await new Promise(done => setTimeout(done, 200));
  }
  await stop();
  throw new Error(
    `moto_server did not answer on ${endpoint}:\n${output
      .join('')
      .slice(-2000)}`,
  );
}

async function defaultNetwork(endpoint: string, region = 'eu-west-1') {
  const query = async (action: string, tag: string) => {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        // moto picks the service and region from the credential scope.
        Authorization: `AWS4-HMAC-SHA256 Credential=test/20260101/${region}/ec2/aws4_request, SignedHeaders=host, Signature=0`,
      },
      body: `Action=${action}&Version=2016-11-15`,
    });
    const xml = await res.text();
    return [...xml.matchAll(new RegExp(`<${tag}>([^<]+)</${tag}>`, 'g'))].map(
      match => match[1],
    );
  };
  return {
    subnets: (await query('DescribeSubnets', 'subnetId')).slice(0, 2),
    securityGroups: (await query('DescribeSecurityGroups', 'groupId')).slice(
      0,
      1,
    ),
  };
}
