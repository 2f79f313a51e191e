// bench:tenants on the cloud-local profile (app-config.cloud-local.yaml):
// tenant databases and roles on the local PostgreSQL, storage in moto's S3,
// services in moto's ECS, DNS through the Cloudflare stand-in.
//  - cloud_tenant_create_seconds: the New tenant template submitted until
//    the tenant is ready (median of 3)
//  - cloud_rollback_leftovers: a failure injected at the database, storage,
//    DNS and deploy steps in turn (something the step must not overwrite
//    placed in PostgreSQL, S3, Cloudflare or ECS before the task: for the
//    deploy, someone else's ECS service under the tenant's service name),
//    then what the tenant's task left in PostgreSQL, S3, ECS and Cloudflare,
//    plus 1 for each thing placed that did not survive. The config and CI
//    steps write local files, as on the local profile (rollback_leftovers).
import pg from 'pg';
import { guestToken, runTemplate, waitForTemplate } from '../lib/portalApi.mjs';
import { startPortal } from '../lib/servePortal.mjs';
import {
  BUCKET,
  CLUSTER,
  ZONE_ID,
  ecs,
  findMotoServer,
  s3,
  startCloudStack,
} from '../cloud-local/stack.mjs';

const DOMAIN = 'clients.example.com';

/** The cloud figures, or the reason they are skipped. */
export async function cloudFigures({ runDir, stamp, postgresUrl }) {
  if (!findMotoServer()) {
    return { skipped: 'moto_server (the AWS emulator) is not on PATH' };
  }
  const admin = new pg.Client({ connectionString: postgresUrl });
  try {
    await admin.connect();
  } catch {
    return { skipped: `no PostgreSQL at ${postgresUrl}` };
  }
  const stack = await startCloudStack({
    configFile: `${runDir}-cloud-stack.yaml`,
    postgresUrl,
    log: line => console.log(`[cloud] ${line}`),
  });
  const slugs = [];
  let portal;
  try {
    portal = await startPortal({
      port: 7048,
      name: 'bench-tenants-cloud',
      config: { permission: { adminGroups: ['user:default/guest'] } },
      extraConfigFiles: [
        'app-config.cloud-local.yaml',
        `${runDir}-cloud-stack.yaml`,
      ],
    });
    const token = await guestToken(portal.url);
    await waitForTemplate(portal.url, token);

    const timings = [];
    for (let i = 0; i < 3; i++) {
      const slug = `cloud-${stamp}-${i}`;
      slugs.push(slug);
      const started = performance.now();
      const task = await runTemplate(portal.url, token, slug);
      const seconds = (performance.now() - started) / 1000;
      if (task.status !== 'completed') {
        throw new Error(
          `${slug} ended ${task.status}: ${task.log.join(' / ')}`,
        );
      }
      timings.push(seconds);
      console.log(
        `${slug}: ready in ${seconds.toFixed(1)} s on the cloud drivers`,
      );
    }
    timings.sort((a, b) => a - b);

    let leftovers = 0;
    for (const step of ['database', 'storage', 'dns', 'deploy']) {
      const slug = `cfail-${step}-${stamp}`;
      slugs.push(slug);
      const placed = await placeInTheWay(step, slug, { admin, stack });
      const task = await runTemplate(portal.url, token, slug);
      const left = await cloudLeftovers(slug, { admin, stack, placed });
      const intact = await placed.intact();
      console.log(
        `failure at ${step} (cloud): task ${task.status}, ${
          left.length
        } leftovers${
          left.length ? ` (${left.join(', ')})` : ''
        }, what was there before ${intact ? 'untouched' : 'CHANGED'}`,
      );
      if (task.status !== 'failed') {
        throw new Error(`${slug}: expected the task to fail at ${step}`);
      }
      leftovers += left.length + (intact ? 0 : 1);
    }
    return {
      results: [
        `RESULT cloud_tenant_create_seconds ${timings[1].toFixed(1)} s`,
        `RESULT cloud_rollback_leftovers ${leftovers} count`,
      ],
    };
  } finally {
    await portal?.stop();
    await stack.stop();
    // moto forgets with its process; PostgreSQL does not.
    for (const slug of slugs) {
      const name = databaseName(slug);
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.query(`drop role if exists "${name}"`);
    }
    await admin.end();
  }
}

/** Puts in the step's way what it must refuse to overwrite; `intact()` says whether it survived. */
async function placeInTheWay(step, slug, { admin, stack }) {
  if (step === 'database') {
    const name = databaseName(slug);
    await admin.query(`create database "${name}"`);
    return {
      what: `database ${name}`,
      intact: async () =>
        (
          await admin.query('select 1 from pg_database where datname = $1', [
            name,
          ])
        ).rowCount === 1,
    };
  }
  if (step === 'storage') {
    const key = `tenants/${slug}/customer-file.txt`;
    await stack.s3Client.send(
      new s3.PutObjectCommand({ Bucket: BUCKET, Key: key, Body: 'theirs' }),
    );
    return {
      what: `s3://${BUCKET}/${key}`,
      intact: async () => {
        const object = await stack.s3Client.send(
          new s3.GetObjectCommand({ Bucket: BUCKET, Key: key }),
        );
        return (await object.Body.transformToString()) === 'theirs';
      },
    };
  }
  if (step === 'deploy') {
    // Someone else's ECS service under the name the tenant's would have.
    const { taskDefinition } = await stack.ecsClient.send(
      new ecs.RegisterTaskDefinitionCommand({
        family: `theirs-${slug}`,
        containerDefinitions: [{ name: 'app', image: 'theirs:1', memory: 512 }],
      }),
    );
    const arn = taskDefinition.taskDefinitionArn;
    await stack.ecsClient.send(
      new ecs.CreateServiceCommand({
        cluster: CLUSTER,
        serviceName: `tenant-${slug}`,
        taskDefinition: arn,
        desiredCount: 1,
      }),
    );
    return {
      what: `ECS service tenant-${slug}`,
      intact: async () => {
        const { services = [] } = await stack.ecsClient.send(
          new ecs.DescribeServicesCommand({
            cluster: CLUSTER,
            services: [`tenant-${slug}`],
          }),
        );
        return (
          services[0]?.status === 'ACTIVE' &&
          services[0].taskDefinition === arn &&
          services[0].desiredCount === 1
        );
      },
    };
  }
  const record = {
    id: `ops-${slug}`,
    type: 'CNAME',
    name: `${slug}.staging.${DOMAIN}`,
    content: 'elsewhere.example.com',
    comment: 'managed by ops',
  };
  stack.dnsRecords.push(record);
  return {
    what: `DNS record ${record.name}`,
    intact: async () =>
      stack.dnsRecords.some(
        r => r.id === record.id && r.content === record.content,
      ),
  };
}

/** What a failed tenant's task left in PostgreSQL, S3, ECS and Cloudflare, besides what was placed. */
async function cloudLeftovers(slug, { admin, stack, placed }) {
  const left = [];
  const name = databaseName(slug);
  const { rows: roles } = await admin.query(
    'select rolname from pg_roles where rolname = $1',
    [name],
  );
  roles.forEach(() => left.push(`role ${name}`));
  const { rows: databases } = await admin.query(
    'select datname from pg_database where datname = $1',
    [name],
  );
  if (databases.length && placed.what !== `database ${name}`) {
    left.push(`database ${name}`);
  }
  const { Contents = [] } = await stack.s3Client.send(
    new s3.ListObjectsV2Command({ Bucket: BUCKET, Prefix: `tenants/${slug}/` }),
  );
  Contents.filter(
    object => placed.what !== `s3://${BUCKET}/${object.Key}`,
  ).forEach(object => left.push(`s3 ${object.Key}`));
  const { services = [] } = await stack.ecsClient.send(
    new ecs.DescribeServicesCommand({
      cluster: CLUSTER,
      services: [`tenant-${slug}`],
    }),
  );
  services
    .filter(
      service =>
        service.status === 'ACTIVE' &&
        placed.what !== `ECS service ${service.serviceName}`,
    )
    .forEach(service => left.push(`ECS service ${service.serviceName}`));
  const { taskDefinitionArns = [] } = await stack.ecsClient.send(
    new ecs.ListTaskDefinitionsCommand({
      familyPrefix: `tenant-${slug}`,
      status: 'ACTIVE',
    }),
  );
  taskDefinitionArns.forEach(arn => left.push(`task definition ${arn}`));
  stack.dnsRecords
    .filter(
      record =>
        record.name.startsWith(`${slug}.`) &&
        placed.what !== `DNS record ${record.name}`,
    )
    .forEach(record => left.push(`DNS ${record.name} in ${ZONE_ID}`));
  return left;
}

function databaseName(slug) {
  return `tenant_${slug.replace(/-/g, '_')}`;
}
