import { Knex } from 'knex';
import { inChunks } from '../derivations/measurements';
import { TABLES } from '../tables';

export type LastDeployment = {
  environment: string;
  version: string | null;
  at: number;
};

/**
 * The last successful production deployment of each environment, ever: its
 * version (else commit) and when it ended. When is the newest deployment
 * frequency measurement of the environment (looked for in the last week its
 * weekly rollups count one); the version is that of the
 * deployment at that moment (of two at the same moment, the one received
 * last).
 */
export async function readLastDeployments(
  knex: Knex,
  environments: string[],
): Promise<Map<string, LastDeployment>> {
  // The week of each environment's last deployment from its weekly rollups
  // (settled by the caller), then the moment within it from the index.
  const lastWeeks = (await inChunks(environments, chunk =>
    knex(TABLES.rollups)
      .where({
        metric: 'deployment_frequency',
        period: 'week',
        scope_kind: 'env',
      })
      .whereIn('scope', chunk)
      .groupBy('scope')
      .select({ environment: 'scope' })
      .max({ week: 'period_start' }),
  )) as Array<{ environment: string; week: string }>;
  const weekOf = new Map(
    lastWeeks.map(row => [
      row.environment,
      Date.parse(`${row.week}T00:00:00Z`),
    ]),
  );
  // One index seek per environment (an OR of them would walk the metric's
  // whole index on SQLite).
  const latest = (await inChunks(
    lastWeeks.map(row => row.environment),
    chunk =>
      knex.unionAll(
        chunk.map(environment =>
          knex(TABLES.measurements)
            .where('metric', 'deployment_frequency')
            .where('environment', environment)
            .where('at', '>=', weekOf.get(environment)!)
            .select(knex.raw('cast(? as text) as environment', [environment]))
            .max({ at: 'at' }),
        ),
        // Unwrapped: SQLite takes no parentheses around a union's parts.
        false,
      ),
  )) as Array<{ environment: string; at: number | string | null }>;
  const last = new Map<
    string,
    LastDeployment & { received: number; id: string }
  >();
  for (const { environment, at } of latest) {
    if (at === null) continue;
    last.set(environment, {
      environment,
      version: null,
      at: Number(at),
      received: -1,
      id: '',
    });
  }
  const deployments = await inChunks(
    latest.map(row => row.environment),
    chunk =>
      knex(TABLES.events)
        .whereRaw("kind = 'deployment'")
        .where('production', true)
        .where('status', 'success')
        .whereIn('environment', chunk)
        .where(builder => {
          for (const environment of chunk) {
            builder.orWhere({ environment, at: last.get(environment)!.at });
          }
        })
        .select('environment', 'version', 'at', 'received_at', 'id'),
  );
  for (const row of deployments as any[]) {
    const held = last.get(row.environment);
    const received = Number(row.received_at);
    if (
      held &&
      Number(row.at) === held.at &&
      (received > held.received ||
        (received === held.received && row.id > held.id))
    ) {
      last.set(row.environment, {
        environment: row.environment,
        version: row.version,
        at: held.at,
        received,
        id: row.id,
      });
    }
  }
  return new Map(
    [...last].map(([environment, { version, at }]) => [
      environment,
      { environment, version, at },
    ]),
  );
}
