// The cloud-local profile's stand-ins for cloud services: moto_server on
// 127.0.0.1:4566 (S3 with the bucket portal-tenants, ECS with the cluster
// portal; services' tasks count as running), a Cloudflare DNS API on :8787
// and a load balancer on :8788 that answers for every active ECS service.
// Used by ./scripts/start-cloud-local and yarn bench:tenants.
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { REPO_ROOT } from '../lib/servePortal.mjs';
import { startFakeCloudflare } from './fakeCloudflare.mjs';
import { startFakeIngress } from './fakeIngress.mjs';

export const MOTO_ENDPOINT = 'http://127.0.0.1:4566';
export const REGION = 'eu-west-1';
export const BUCKET = 'portal-tenants';
export const CLUSTER = 'portal';
export const ZONE_ID = 'cloud-local-zone';

const fromModule = createRequire(
  resolve(REPO_ROOT, 'plugins/scaffolder-backend-module-tenant/package.json'),
);
const fromDeployTargets = createRequire(
  resolve(REPO_ROOT, 'plugins/backend-deploy-targets/package.json'),
);
export const s3 = fromModule('@aws-sdk/client-s3');
export const ecs = fromDeployTargets('@aws-sdk/client-ecs');

/** Whether moto_server is on PATH. */
export function findMotoServer() {
  return (
    spawnSync('sh', ['-c', 'command -v moto_server'], { stdio: 'ignore' })
      .status === 0
  );
}

/** The credentials moto accepts, as the AWS SDK's default chain reads them. */
const AWS_ENV = {
  AWS_ACCESS_KEY_ID: 'cloud-local',
  AWS_SECRET_ACCESS_KEY: 'cloud-local',
  AWS_REGION: REGION,
};

/**
 * Starts the stand-ins and writes `configFile`: what the portal learns
 * only now (moto's subnet and security group, the PostgreSQL connection at
 * `postgresUrl`) on top of app-config.cloud-local.yaml. Sets the AWS_*
 * variables in this process, for the portal it starts. Resolves to the
 * clients and records a caller may inspect, and `stop`.
 */
export async function startCloudStack({
  configFile,
  postgresUrl,
  log = console.log,
}) {
  Object.assign(process.env, AWS_ENV);
  const stops = [];
  const stop = async () => {
    for (const close of stops.reverse()) await close().catch(() => {});
  };
  try {
    stops.push(await startMoto());
    log(`moto_server (S3, ECS) at ${MOTO_ENDPOINT}`);
    const clientOptions = {
      region: REGION,
      endpoint: MOTO_ENDPOINT,
      credentials: {
        accessKeyId: AWS_ENV.AWS_ACCESS_KEY_ID,
        secretAccessKey: AWS_ENV.AWS_SECRET_ACCESS_KEY,
      },
    };
    const s3Client = new s3.S3Client({
      ...clientOptions,
      forcePathStyle: true,
    });
    await s3Client.send(
      new s3.CreateBucketCommand({
        Bucket: BUCKET,
        CreateBucketConfiguration: { LocationConstraint: REGION },
      }),
    );
    const ecsClient = new ecs.ECSClient(clientOptions);
    await ecsClient.send(
      new ecs.CreateClusterCommand({ clusterName: CLUSTER }),
    );
    const { subnet, securityGroup } = await defaultNetwork();
    log(`bucket s3://${BUCKET}, ECS cluster ${CLUSTER}, subnet ${subnet}`);

    const cloudflare = await startFakeCloudflare({
      port: 8787,
      zoneId: ZONE_ID,
      log,
    });
    stops.push(cloudflare.close);
    const ingress = await startFakeIngress({
      port: 8788,
      isServing: async environmentId => {
        const { services = [] } = await ecsClient.send(
          new ecs.DescribeServicesCommand({
            cluster: CLUSTER,
            services: [environmentId],
          }),
        );
        return services.some(
          service => service.status === 'ACTIVE' && service.desiredCount > 0,
        );
      },
    });
    stops.push(ingress.close);
    log(
      'Cloudflare DNS API stand-in at http://127.0.0.1:8787, load balancer stand-in at http://127.0.0.1:8788',
    );

    const postgres = new URL(postgresUrl);
    const network = { subnets: [subnet], securityGroups: [securityGroup] };
    const connection = {
      host: postgres.hostname,
      port: Number(postgres.port || 5432),
      user: decodeURIComponent(postgres.username || 'postgres'),
      ...(postgres.password
        ? { password: decodeURIComponent(postgres.password) }
        : {}),
    };
    writeFileSync(
      configFile,
      JSON.stringify(
        {
          tenantScaffolder: {
            provisioning: {
              database: { connection },
              deploy: { ecs: { network } },
            },
          },
          // Review environments' own databases, on the same server.
          reviewEnvs: { ecs: { network }, database: { connection } },
        },
        null,
        2,
      ),
    );
    return { s3Client, ecsClient, dnsRecords: cloudflare.records, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function startMoto() {
  const moto = spawn(
    'moto_server',
    ['-H', '127.0.0.1', '-p', new URL(MOTO_ENDPOINT).port],
    {
      // moto starts no containers: count services' tasks as running.
      env: { ...process.env, MOTO_ECS_SERVICE_RUNNING: '1' },
      stdio: ['ignore', 'ignore', 'ignore'],
    },
  );
  const exited = new Promise(done => moto.once('exit', done));
  const stop = async () => {
    if (moto.exitCode !== null) return;
    moto.kill('SIGTERM');
    await exited;
  };
  for (let attempt = 0; attempt < 150; attempt++) {
    if (moto.exitCode !== null) break;
    try {
      if ((await fetch(`${MOTO_ENDPOINT}/moto-api/`)).ok) return stop;
    } catch {
      // not listening yet
    }
    await new Promise(done => setTimeout(done, 200));
  }
  await stop();
  throw new Error(
    `moto_server did not start on ${MOTO_ENDPOINT} (is the port taken?)`,
  );
}

/** moto's default VPC in the region: a subnet and a security group. */
async function defaultNetwork() {
  const query = async (action, tag) => {
    const res = await fetch(MOTO_ENDPOINT, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        // moto reads the service and region from the credential scope.
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
