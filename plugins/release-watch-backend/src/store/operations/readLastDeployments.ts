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
 * frequency measurement of the environment; the version is that of the
 * deployment at that moment (of two at the same moment, the one received
 * last).
 */
export async function readLastDeployments(
  knex: Knex,
  environments: string[],
): Promise<Map<string, LastDeployment>> {
  const latest = (await inChunks(environments, chunk =>
    knex(TABLES.measurements)
      .where('metric', 'deployment_frequency')
      .whereNotNull('environment')
      .whereIn('environment', chunk)
      .groupBy('environment')
      .select('environment')
      .max({ at: 'at' }),
  )) as Array<{ environment: string; at: number | string }>;
  const last = new Map<
    string,
    LastDeployment & { received: number; id: string }
  >();
  for (const { environment, at } of latest) {
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
