// ./scripts/start-cloud-local: moto_server on 127.0.0.1:4566 with the
// profile's bucket and ECS cluster, the Cloudflare and load balancer
// stand-ins, then `backstage-cli repo start` with app-config.yaml and
// app-config.cloud-local.yaml. Each start begins empty: moto keeps its
// state in memory, so the profile's registry (data/cloud-local) is cleared,
// and the PostgreSQL databases and roles its previous run's tenants were
// given are dropped, by the names the registry's ledger recorded.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { REPO_ROOT } from '../lib/servePortal.mjs';
import { startFakeCloudflare } from './fakeCloudflare.mjs';
import { startFakeIngress } from './fakeIngress.mjs';
import { dropPreviousTenantDatabases } from './previousRun.mjs';

const MOTO_PORT = 4566;
const REGION = 'eu-west-1';
const BUCKET = 'portal-tenants';
const CLUSTER = 'portal';
const dataDir = resolve(REPO_ROOT, 'data/cloud-local');
const requireFromModule = createRequire(
  resolve(REPO_ROOT, 'plugins/scaffolder-backend-module-tenant/package.json'),
);
const requireFromNode = createRequire(
  resolve(REPO_ROOT, 'plugins/review-envs-node/package.json'),
);
const { S3Client, CreateBucketCommand } =
  requireFromModule('@aws-sdk/client-s3');
const { ECSClient, CreateClusterCommand, DescribeServicesCommand } =
  requireFromNode('@aws-sdk/client-ecs');

const log = line => console.log(`[cloud-local] ${line}`);
const postgres = new URL(
  process.env.CLOUD_LOCAL_POSTGRES_URL ??
    'postgresql://postgres@127.0.0.1:5432',
);
const awsEnv = {
  AWS_ACCESS_KEY_ID: 'cloud-local',
  AWS_SECRET_ACCESS_KEY: 'cloud-local',
  AWS_REGION: REGION,
};
Object.assign(process.env, awsEnv);

const children = [];
const closers = [];
const stopAll = async () => {
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(closers.map(close => close()));
};
process.on('SIGINT', () => stopAll().then(() => process.exit(130)));
process.on('SIGTERM', () => stopAll().then(() => process.exit(143)));

try {
  if (existsSync(dataDir)) {
    const dropped = await dropPreviousTenantDatabases(
      resolve(dataDir, 'sqlite'),
      postgres,
    );
    if (dropped.length > 0) {
      log(`dropped the previous run's tenant databases: ${dropped.join(', ')}`);
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
  mkdirSync(resolve(dataDir, 'sqlite'), { recursive: true });
  mkdirSync(resolve(dataDir, 'scaffolder-workspace'), { recursive: true });

  const endpoint = await startMoto();
  log(`moto_server (S3, ECS) at ${endpoint}`);
  const clientOptions = {
    region: REGION,
    endpoint,
    credentials: {
      accessKeyId: awsEnv.AWS_ACCESS_KEY_ID,
      secretAccessKey: awsEnv.AWS_SECRET_ACCESS_KEY,
    },
  };
  await new S3Client({ ...clientOptions, forcePathStyle: true }).send(
    new CreateBucketCommand({
      Bucket: BUCKET,
      CreateBucketConfiguration: { LocationConstraint: REGION },
    }),
  );
  const ecs = new ECSClient(clientOptions);
  await ecs.send(new CreateClusterCommand({ clusterName: CLUSTER }));
  const { subnet, securityGroup } = await defaultNetwork(endpoint);
  log(`bucket s3://${BUCKET}, ECS cluster ${CLUSTER}, subnet ${subnet}`);

  const cloudflare = await startFakeCloudflare({
    port: 8787,
    zoneId: 'cloud-local-zone',
    log,
  });
  closers.push(cloudflare.close);
  const ingress = await startFakeIngress({
    port: 8788,
    isServing: async environmentId => {
      const { services = [] } = await ecs.send(
        new DescribeServicesCommand({
          cluster: CLUSTER,
          services: [environmentId],
        }),
      );
      return services.some(s => s.status === 'ACTIVE' && s.desiredCount > 0);
    },
  });
  closers.push(ingress.close);
  log(
    'Cloudflare DNS API stand-in at http://127.0.0.1:8787, load balancer stand-in at http://127.0.0.1:8788',
  );

  const generated = resolve(dataDir, 'app-config.generated.yaml');
  const network = { subnets: [subnet], securityGroups: [securityGroup] };
  writeFileSync(
    generated,
    JSON.stringify(
      {
        tenantScaffolder: {
          provisioning: {
            database: {
              connection: {
                host: postgres.hostname,
                port: Number(postgres.port || 5432),
                user: decodeURIComponent(postgres.username || 'postgres'),
                ...(postgres.password
                  ? { password: decodeURIComponent(postgres.password) }
                  : {}),
              },
            },
            deploy: { ecs: { network } },
          },
        },
        reviewEnvs: { ecs: { network } },
      },
      null,
      2,
    ),
  );

  log(
    'Starting the portal: http://localhost:3000 (backend http://localhost:7007); Ctrl-C stops it',
  );
  const portal = spawn(
    'yarn',
    [
      'backstage-cli',
      'repo',
      'start',
      ...[
        resolve(REPO_ROOT, 'app-config.yaml'),
        resolve(REPO_ROOT, 'app-config.cloud-local.yaml'),
        generated,
      ].flatMap(file => ['--config', file]),
      ...process.argv.slice(2),
    ],
    { cwd: REPO_ROOT, stdio: 'inherit' },
  );
  children.push(portal);
  const code = await new Promise(done => portal.once('exit', done));
  await stopAll();
  process.exit(code ?? 1);
} catch (error) {
  console.error(`[cloud-local] ${error.message ?? error}`);
  await stopAll();
  process.exit(1);
}

async function startMoto() {
  const endpoint = `http://127.0.0.1:${MOTO_PORT}`;
  const moto = spawn(
    'moto_server',
    ['-H', '127.0.0.1', '-p', String(MOTO_PORT)],
    {
      // Services' tasks count as running: moto starts no containers.
      env: { ...process.env, MOTO_ECS_SERVICE_RUNNING: '1' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  children.push(moto);
  for (let attempt = 0; attempt < 100; attempt++) {
    if (moto.exitCode !== null) break;
    try {
      if ((await fetch(`${endpoint}/moto-api/`)).ok) return endpoint;
    } catch {
      // not listening yet
    }
    await new Promise(done => setTimeout(done, 200));
  }
  throw new Error(
    `moto_server did not start on port ${MOTO_PORT} (is the port taken?)`,
  );
}

/** moto's default VPC in the region: a subnet and its security group. */
async function defaultNetwork(endpoint) {
  const query = async (action, tag) => {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Authorization: `AWS4-HMAC-SHA256 Credential=cloud-local/20260101/${REGION}/ec2/aws4_request, SignedHeaders=host, Signature=0`,
      },
      body: `Action=${action}&Version=2016-11-15`,
    });
    const match = (await res.text()).match(
      new RegExp(`<${tag}>([^<]+)</${tag}>`),
    );
    if (!match) throw new Error(`moto answered ${action} without a ${tag}`);
    return match[1];
  };
  return {
    subnet: await query('DescribeSubnets', 'subnetId'),
    securityGroup: await query('DescribeSecurityGroups', 'groupId'),
  };
}
