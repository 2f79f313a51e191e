import { Knex } from 'knex';
import { EventRow, MeasurementRow } from '../tables';
import { changeFailures } from './changeFailures';
import { leadTimes } from './leadTimes';
import { reworkRate } from './reworkRate';
import {
  isTrue,
  Measure,
  measureInto,
  MINUTE_MS,
  Owner,
  payloadOf,
} from './measurements';
import { timesToProduction } from './timesToProduction';
import { timesToRestore } from './timesToRestore';

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
  const measure = measureInto(out);
  const ownerOf = new Map<string, Owner>();
  for (const row of inserted) {
    ownerOf.set(row.subject, row);
    measureOnItsOwn(row, measure);
  }

  const productionDeploys = inserted.filter(
    row => row.kind === 'deployment' && isTrue(row.production),
  );
  await changeFailures(trx, inserted, productionDeploys, measure);
  await reworkRate(trx, inserted, productionDeploys, measure);
  for (const deploy of productionDeploys) {
    if (deploy.status === 'success') {
      measure(
        `deploy:${deploy.id}`,
        'deployment_frequency',
        deploy,
        deploy.at,
        1,
        deploy.environment,
        null,
        deploy.environment,
      );
    }
  }
  await timesToProduction(trx, inserted, ownerOf, measure);
  await leadTimes(trx, inserted, productionDeploys, measure);
  await timesToRestore(trx, inserted, ownerOf, measure);
  return out;
}

/** What one event measures without another: a CI run's duration, a metric sample. */
function measureOnItsOwn(row: EventRow, measure: Measure) {
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
      row.environment,
    );
  }
}
