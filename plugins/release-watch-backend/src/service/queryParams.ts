import { InputError } from '@backstage/errors';
import {
  isMetricId,
  METRIC_CHOICES,
  MetricId,
  Period,
  Scope,
} from '@internal/plugin-release-watch-common';
import { Range } from '../store/periods';

// The spec checks each parameter's form (openapi.yaml); these check what it
// cannot say, and fill in the defaults.

const DAY_MS = 86_400_000;
/** The longest range one request may ask for. */
const MAX_RANGE_DAYS = 3 * 366;

export type ScopeQuery = { group?: string; entityRef?: string; owner?: string };
export type RangeQuery = { from?: string; to?: string };
export type ReportQuery = ScopeQuery & RangeQuery & { period?: Period };

/** `group=`, `entityRef=` or `owner=`, at most one; none means the whole organisation. */
export function scopeOf({ group, entityRef, owner }: ScopeQuery): Scope {
  if ([group, entityRef, owner].filter(Boolean).length > 1) {
    throw new InputError('Give one of group, entityRef or owner, not more');
  }
  if (owner) {
    return { kind: 'owner', owner: owner.toLowerCase() };
  }
  if (group) {
    return { kind: 'group', group };
  }
  if (entityRef) {
    return { kind: 'entity', entityRef: entityRef.toLowerCase() };
  }
  return { kind: 'org' };
}

export function periodOf({ period }: { period?: Period }): Period {
  return period ?? 'week';
}

/** `from` and `to` as `YYYY-MM-DD` (both days included); default the last 52 weeks. */
export function rangeOf(query: RangeQuery, now = Date.now()): Range {
  const parse = (name: keyof RangeQuery) => {
    const value = query[name];
    if (value === undefined) {
      return undefined;
    }
    const day = Date.parse(`${value}T00:00:00Z`);
    if (Number.isNaN(day)) {
      throw new InputError(
        `${name} must be a date as YYYY-MM-DD, not '${value}'`,
      );
    }
    return day;
  };
  const toDay = parse('to');
  const to = toDay === undefined ? now : toDay + DAY_MS - 1;
  const from = parse('from') ?? to - 52 * 7 * DAY_MS + 1;
  if (from > to) {
    throw new InputError('from must not be after to');
  }
  if (to - from > MAX_RANGE_DAYS * DAY_MS) {
    throw new InputError(`A range spans at most ${MAX_RANGE_DAYS} days`);
  }
  return { from, to };
}

export function metricOf(metric: string): MetricId {
  if (!isMetricId(metric)) {
    throw new InputError(
      `metric must be one of ${METRIC_CHOICES}; got '${metric}'`,
    );
  }
  return metric;
}

export type WindowQuery = RangeQuery & { since?: string };

/**
 * The window of a report per environment: `from`..`to` as {@link rangeOf},
 * or from the moment `since` (a date-time) to the end of `to`.
 */
export function windowOf(query: WindowQuery, now = Date.now()): Range {
  const range = rangeOf(query, now);
  if (query.since === undefined) {
    return range;
  }
  const since = Date.parse(query.since);
  if (Number.isNaN(since)) {
    throw new InputError(
      `since must be an ISO 8601 date and time, not '${query.since}'`,
    );
  }
  if (since > range.to) {
    throw new InputError('since must not be after to');
  }
  if (range.to - since > MAX_RANGE_DAYS * DAY_MS) {
    throw new InputError(`A range spans at most ${MAX_RANGE_DAYS} days`);
  }
  return { from: since, to: range.to };
}
