import { Knex } from 'knex';
import { monthStart, weekStart } from '../periods';
import { EventRow, MeasurementRow } from '../tables';

export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;
const CHUNK = 300;

/** The events of the batch being stored, as they arrived: no need to parse their payload back. */
const arrived = new WeakMap<EventRow, unknown>();

export function rememberArrival(row: EventRow, event: unknown) {
  arrived.set(row, event);
}

export function payloadOf(row: EventRow): any {
  return arrived.get(row) ?? JSON.parse(row.payload);
}

/** Whose a measurement is: the subject and attribution of the event it comes from. */
export type Owner = Pick<EventRow, 'subject' | 'entity_ref' | 'group_name'>;

/** Records one measurement; a later one with the same key replaces it. */
export type Measure = (
  key: string,
  metric: string,
  owner: Owner,
  at: number,
  value: number,
  label: string | null,
  unit?: string | null,
  environment?: string | null,
) => void;

/** A {@link Measure} that adds each measurement, with its periods, to `out`. */
export function measureInto(out: MeasurementRow[]): Measure {
  return (
    key,
    metric,
    owner,
    at,
    value,
    label,
    unit = null,
    environment = null,
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
      environment,
    });
}

export function isTrue(value: unknown) {
  return value === true || value === 1;
}

export function productionSuccess(query: Knex.QueryBuilder) {
  return query
    .whereRaw("kind = 'deployment'")
    .where('production', true)
    .where('status', 'success');
}

/** Reads the rows for distinct `values`, a few hundred per statement. */
export async function inChunks<T>(
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
