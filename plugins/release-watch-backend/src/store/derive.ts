import { Knex } from 'knex';
import { monthStart, weekStart } from './periods';
import { EventRow, MeasurementRow, TABLES } from './tables';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const CHUNK = 300;

/** The events of the batch being stored, as they arrived: no need to parse their payload back. */
const arrived = new WeakMap<EventRow, unknown>();

export function rememberArrival(row: EventRow, event: unknown) {
  arrived.set(row, event);
}

function payloadOf(row: EventRow): any {
  return arrived.get(row) ?? JSON.parse(row.payload);
}

type Owner = Pick<EventRow, 'subject' | 'entity_ref' | 'group_name'>;

/**
 * The measurements that newly stored events complete, whatever order the
 * facts arrive in: each derivation reads both sides from the database (the
 * new events are already in it), and each measurement's key makes deriving
 * it again an overwrite, not a second count.
 */
export async function deriveMeasurements(
  trx: Knex.Transaction,
  inserted: EventRow[],
): Promise<MeasurementRow[]> {
  const out: MeasurementRow[] = [];
  const measure = (
    key: string,
    metric: string,
    owner: Owner,
    at: number,
    value: number,
    label: string | null,
    unit: string | null = null,
  ) =>
    out.push({
      key,
      metric,
      subject: owner.subject,
      entity_ref: owner.entity_ref,
      group_name: owner.group_name,
      at,
      week_start: weekStart(at),
      month_start: monthStart(at),
      value,
      label,
      unit,
    });

  const ownerOf = new Map<string, Owner>();
  for (const row of inserted) {
    ownerOf.set(row.subject, row);
    const payload = payloadOf(row);
    if (
      row.kind === 'ci_run' &&
      ['success', 'failure', 'timed_out'].includes(row.status!)
    ) {
      const minutes = (row.at - Date.parse(payload.startedAt)) / MINUTE_MS;
      if (minutes >= 0) {
        measure(
          `ci:${row.id}`,
          'ci_feedback',
          row,
          row.at,
          minutes,
          payload.workflow,
        );
      }
    } else if (row.kind === 'metric') {
      measure(
        `sample:${row.id}`,
        `metric:${payload.name}`,
        row,
        row.at,
        payload.value,
        payload.name,
        payload.unit,
      );
    }
  }

  const productionDeploys = inserted.filter(
    row => row.kind === 'deployment' && isTrue(row.production),
  );
  await changeFailures(trx, inserted, productionDeploys, measure);
  for (const deploy of productionDeploys) {
    if (deploy.status === 'success') {
      measure(
        `deploy:${deploy.id}`,
        'deployment_frequency',
        deploy,
        deploy.at,
        1,
        deploy.environment,
      );
    }
  }
  await timesToProduction(trx, inserted, ownerOf, measure);
  await leadTimes(trx, inserted, productionDeploys, measure);
  await timesToRestore(trx, inserted, ownerOf, measure);
  return out;
}

type Measure = (
  key: string,
  metric: string,
  owner: Owner,
  at: number,
  value: number,
  label: string | null,
) => void;

function isTrue(value: unknown) {
  return value === true || value === 1;
}

function productionSuccess(query: Knex.QueryBuilder) {
  return query
    .whereRaw("kind = 'deployment'")
    .where('production', true)
    .where('status', 'success');
}

async function inChunks<T>(
  values: string[],
  read: (chunk: string[]) => Promise<T[]>,
): Promise<T[]> {
  const unique = [...new Set(values)];
  const rows: T[] = [];
  for (let i = 0; i < unique.length; i += CHUNK) {
    rows.push(...(await read(unique.slice(i, i + CHUNK))));
  }
  return rows;
}

/** Release started until its version's first successful production deployment. */
async function timesToProduction(
  trx: Knex.Transaction,
  inserted: EventRow[],
  ownerOf: Map<string, Owner>,
  measure: Measure,
) {
  const touched = inserted.filter(
    row =>
      row.version &&
      (row.kind === 'release' ||
        (row.kind === 'deployment' &&
          isTrue(row.production) &&
          row.status === 'success')),
  );
  if (touched.length === 0) {
    return;
  }
  const subjects = new Set(touched.map(row => row.subject));
  const versions = touched.map(row => row.version!);
  type First = { subject: string; version: string; at: number | string };
  const starts = await inChunks<First>(versions, chunk =>
    trx(TABLES.events)
      .whereRaw("kind = 'release'")
      .whereIn('subject', [...subjects])
      .whereIn('version', chunk)
      .groupBy('subject', 'version')
      .select('subject', 'version')
      .min({ at: 'at' }),
  );
  const deploys = await inChunks<First>(versions, chunk =>
    productionSuccess(trx(TABLES.events))
      .whereIn('subject', [...subjects])
      .whereIn('version', chunk)
      .groupBy('subject', 'version')
      .select('subject', 'version')
      .min({ at: 'at' }),
  );
  const deployedAt = new Map(
    deploys.map(d => [`${d.subject}\n${d.version}`, Number(d.at)]),
  );
  for (const start of starts) {
    const deployed = deployedAt.get(`${start.subject}\n${start.version}`);
    const startedAt = Number(start.at);
    if (
      !subjects.has(start.subject) ||
      deployed === undefined ||
      deployed < startedAt
    ) {
      continue;
    }
    measure(
      `ttp:${start.subject}:${start.version}`,
      'time_to_production',
      ownerOf.get(start.subject)!,
      deployed,
      (deployed - startedAt) / HOUR_MS,
      start.version,
    );
  }
}

/**
 * A merged change until the first successful production deployment at or
 * after its merge, counted from its first commit when known.
 */
async function leadTimes(
  trx: Knex.Transaction,
  inserted: EventRow[],
  productionDeploys: EventRow[],
  measure: Measure,
) {
  const leadTime = (merge: EventRow, deployedAt: number) => {
    const payload = payloadOf(merge);
    const from = payload.firstCommitAt
      ? Date.parse(payload.firstCommitAt)
      : merge.at;
    measure(
      `lead:${merge.id}`,
      'lead_time',
      merge,
      deployedAt,
      Math.max(0, deployedAt - from) / HOUR_MS,
      payload.number ? `#${payload.number}` : payload.title ?? null,
    );
  };
  const nextDeploy = (outer: string, comparison: string, aggregate: string) =>
    trx.raw(
      `(select ${aggregate}(d.at) from ${TABLES.events} d where d.kind = 'deployment' and d.production = ? and d.status = 'success' and d.subject = ${outer}.subject and d.at ${comparison} ${outer}.at)`,
      [true],
    );
  const merges = await inChunks<
    EventRow & { deployed_at: number | string | null }
  >(
    inserted
      .filter(row => row.kind === 'pull_request_merged')
      .map(row => row.id),
    chunk =>
      trx({ p: TABLES.events })
        .whereIn('p.id', chunk)
        .select('p.*', { deployed_at: nextDeploy('p', '>=', 'min') }),
  );
  merges
    .filter(merge => merge.deployed_at !== null)
    .forEach(merge => leadTime(merge, Number(merge.deployed_at)));

  // The changes a new deployment shipped: merged since the one before it.
  const shipped = await inChunks<EventRow & { deployed_at: number | string }>(
    productionDeploys.filter(d => d.status === 'success').map(d => d.id),
    chunk =>
      trx
        .from(
          trx({ n: TABLES.events })
            .whereIn('n.id', chunk)
            .select('n.subject', 'n.at', {
              previous_at: nextDeploy('n', '<', 'max'),
            })
            .as('d'),
        )
        .join({ m: TABLES.events }, join =>
          join
            .on('m.subject', '=', 'd.subject')
            .andOn('m.at', '<=', 'd.at')
            .andOn('m.at', '>', trx.raw('coalesce(d.previous_at, -1)')),
        )
        .whereRaw("m.kind = 'pull_request_merged'")
        .select('m.*', { deployed_at: 'd.at' }),
  );
  shipped.forEach(merge => leadTime(merge, Number(merge.deployed_at)));
}

/**
 * A production deployment failed if its status says so or an incident was
 * opened that names its version as the cause: 100 or 0, so the mean of a
 * period is its change failure rate in %.
 */
async function changeFailures(
  trx: Knex.Transaction,
  inserted: EventRow[],
  productionDeploys: EventRow[],
  measure: Measure,
) {
  const causes = inserted.filter(
    row => row.kind === 'incident' && row.status === 'opened' && row.version,
  );
  const causedDeploys = await inChunks<EventRow>(
    causes.map(c => c.version!),
    chunk =>
      trx(TABLES.events)
        .whereRaw("kind = 'deployment'")
        .whereIn('subject', [...new Set(causes.map(c => c.subject))])
        .where('production', true)
        .whereIn('version', chunk),
  );
  const causeKeys = new Set(causes.map(c => `${c.subject}\n${c.version}`));
  const incidentsFor = await inChunks<{ subject: string; version: string }>(
    productionDeploys.filter(d => d.version).map(d => d.version!),
    chunk =>
      trx(TABLES.events)
        .whereRaw("kind = 'incident'")
        .whereIn('subject', [...new Set(productionDeploys.map(d => d.subject))])
        .where('status', 'opened')
        .whereIn('version', chunk)
        .distinct('subject', 'version'),
  );
  incidentsFor.forEach(i => causeKeys.add(`${i.subject}\n${i.version}`));

  const deploys = new Map<string, EventRow>();
  [...productionDeploys, ...causedDeploys].forEach(d => deploys.set(d.id, d));
  for (const deploy of deploys.values()) {
    const caused = causeKeys.has(`${deploy.subject}\n${deploy.version}`);
    measure(
      `cfr:${deploy.id}`,
      'change_failure_rate',
      deploy,
      Number(deploy.at),
      deploy.status === 'failure' || caused ? 100 : 0,
      deploy.version,
    );
  }
}

/** An incident opened until resolved. */
async function timesToRestore(
  trx: Knex.Transaction,
  inserted: EventRow[],
  ownerOf: Map<string, Owner>,
  measure: Measure,
) {
  const incidents = inserted.filter(row => row.kind === 'incident');
  if (incidents.length === 0) {
    return;
  }
  const subjects = new Set(incidents.map(row => row.subject));
  type Moment = {
    subject: string;
    incident: string;
    status: string;
    at: number | string;
  };
  const moments = await inChunks<Moment>(
    incidents.map(row => row.incident!),
    chunk =>
      trx(TABLES.events)
        .whereRaw("kind = 'incident'")
        .whereIn('subject', [...subjects])
        .whereIn('incident', chunk)
        .groupBy('subject', 'incident', 'status')
        .select('subject', 'incident', 'status')
        .min({ at: 'at' }),
  );
  const opened = new Map<string, number>();
  moments
    .filter(m => m.status === 'opened')
    .forEach(m => opened.set(`${m.subject}\n${m.incident}`, Number(m.at)));
  for (const resolved of moments.filter(m => m.status === 'resolved')) {
    const openedAt = opened.get(`${resolved.subject}\n${resolved.incident}`);
    const resolvedAt = Number(resolved.at);
    if (
      !subjects.has(resolved.subject) ||
      openedAt === undefined ||
      resolvedAt < openedAt
    ) {
      continue;
    }
    measure(
      `ttr:${resolved.subject}:${resolved.incident}`,
      'time_to_restore',
      ownerOf.get(resolved.subject)!,
      resolvedAt,
      (resolvedAt - openedAt) / HOUR_MS,
      resolved.incident,
    );
  }
}
