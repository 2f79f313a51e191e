import { InputError } from '@backstage/errors';
import {
  isMetricId,
  MetricId,
  Period,
  Scope,
} from '@internal/plugin-release-watch-common';
import type { Request } from 'express';
import { Range } from './ReportService';

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The longest range one request may ask for. */
const MAX_RANGE_DAYS = 3 * 366;

function single(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw new InputError(`Query parameter '${name}' must be given once`);
  }
  return value;
}

/** `group=` or `entityRef=`, at most one; neither means the whole organisation. */
export function scopeParam(req: Request): Scope {
  const group = single(req, 'group');
  const entityRef = single(req, 'entityRef');
  if (group && entityRef) {
    throw new InputError('Give either group or entityRef, not both');
  }
  if (group) {
    if (!/^[A-Za-z0-9_.-]{1,100}$/.test(group)) {
      throw new InputError(`group '${group}' is not a group name`);
    }
    return { kind: 'group', group };
  }
  if (entityRef) {
    if (!/^[a-z0-9_-]+:[a-z0-9_.-]+\/[a-z0-9_.-]+$/i.test(entityRef)) {
      throw new InputError(
        `entityRef '${entityRef}' must be a full entity ref like component:default/web`,
      );
    }
    return { kind: 'entity', entityRef: entityRef.toLowerCase() };
  }
  return { kind: 'org' };
}

export function periodParam(req: Request): Period {
  const period = single(req, 'period') ?? 'week';
  if (period !== 'week' && period !== 'month') {
    throw new InputError(`period must be week or month, not '${period}'`);
  }
  return period;
}

/** `from` and `to` as `YYYY-MM-DD` (both days included); default the last 52 weeks. */
export function rangeParam(req: Request, now = Date.now()): Range {
  const parse = (name: string) => {
    const value = single(req, name);
    if (value === undefined) {
      return undefined;
    }
    if (!DATE.test(value) || Number.isNaN(Date.parse(value))) {
      throw new InputError(
        `${name} must be a date as YYYY-MM-DD, not '${value}'`,
      );
    }
    return Date.parse(`${value}T00:00:00Z`);
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

export function metricParam(req: Request): MetricId {
  const metric = single(req, 'metric');
  if (!metric || !isMetricId(metric)) {
    throw new InputError(
      `metric must be one of time_to_production, ci_feedback, deployment_frequency, lead_time, change_failure_rate, time_to_restore, or metric:<name>; got '${
        metric ?? ''
      }'`,
    );
  }
  return metric;
}
