import { Knex } from 'knex';
import { inChunks, productionSuccess } from '../derivations/measurements';
import { TABLES } from '../tables';

export type LastDeployment = {
  environment: string;
  version: string | null;
  at: number;
};

/**
 * The last successful production deployment of each environment, ever: its
 * version (else commit) and when it ended. Of two at the same moment, the
 * one received last.
 */
export async function readLastDeployments(
  knex: Knex,
  environments: string[],
): Promise<Map<string, LastDeployment>> {
  const rows = await inChunks(environments, chunk => {
    const latest = productionSuccess(knex(TABLES.events))
      .whereIn('environment', chunk)
      .groupBy('environment')
      .select('environment')
      .max({ at: 'at' });
    return knex({ e: TABLES.events })
      .whereRaw("e.kind = 'deployment'")
      .where('e.production', true)
      .where('e.status', 'success')
      .join(latest.as('l'), join =>
        join
          .on('e.environment', '=', 'l.environment')
          .andOn('e.at', '=', 'l.at'),
      )
      .select('e.environment', 'e.version', 'e.at', 'e.received_at', 'e.id');
  });
  const last = new Map<
    string,
    LastDeployment & { received: number; id: string }
  >();
  for (const row of rows as any[]) {
    const candidate = {
      environment: row.environment as string,
      version: row.version as string | null,
      at: Number(row.at),
      received: Number(row.received_at),
      id: row.id as string,
    };
    const held = last.get(candidate.environment);
    if (
      !held ||
      candidate.received > held.received ||
      (candidate.received === held.received && candidate.id > held.id)
    ) {
      last.set(candidate.environment, candidate);
    }
  }
  return new Map(
    [...last].map(([environment, { version, at }]) => [
      environment,
      { environment, version, at },
    ]),
  );
}
