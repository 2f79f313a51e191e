import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  isMetricId,
  METRIC_CHOICES,
  metricDefinition,
  Okr,
  Scope,
} from '@internal/plugin-release-watch-common';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The objectives declared under `releaseWatch.okrs`; a malformed one stops the plugin with the reason. */
export function readOkrs(config: Config): Okr[] {
  const okrs = (config.getOptionalConfigArray('releaseWatch.okrs') ?? []).map(
    (entry, index) => {
      const where = `releaseWatch.okrs[${index}]`;
      const metric = entry.getString('metric');
      if (!isMetricId(metric)) {
        throw new InputError(
          `${where}.metric '${metric}' is not a Release Watch metric (${METRIC_CHOICES})`,
        );
      }
      const startDate = entry.getString('startDate');
      const dueDate = entry.getString('dueDate');
      for (const [field, value] of [
        ['startDate', startDate],
        ['dueDate', dueDate],
      ]) {
        if (!DATE.test(value) || Number.isNaN(Date.parse(value))) {
          throw new InputError(
            `${where}.${field} '${value}' is not a YYYY-MM-DD date`,
          );
        }
      }
      if (dueDate <= startDate) {
        throw new InputError(`${where}.dueDate must come after its startDate`);
      }
      const definition = metricDefinition(
        metric,
        entry.getOptionalString('unit'),
      );
      const group = entry.getOptionalString('group');
      const entityRef = entry.getOptionalString('entityRef');
      let scope: Scope = { kind: 'org' };
      if (entityRef) {
        scope = { kind: 'entity', entityRef: entityRef.toLowerCase() };
      } else if (group) {
        scope = { kind: 'group', group };
      }
      const okr: Okr = {
        id: entry.getOptionalString('id') ?? `${metric}-${index + 1}`,
        title:
          entry.getOptionalString('title') ??
          `${definition.title}${group ? `, ${group}` : ''}`,
        metric,
        scope,
        unit: definition.unit,
        baseline: entry.getNumber('baseline'),
        target: entry.getNumber('target'),
        startDate,
        dueDate,
        lowerIsBetter:
          entry.getOptionalBoolean('lowerIsBetter') ?? definition.lowerIsBetter,
        owners: entry.getOptionalStringArray('owners') ?? [],
        declaredBy: 'config',
      };
      return okr;
    },
  );
  const ids = new Set<string>();
  for (const okr of okrs) {
    if (ids.has(okr.id)) {
      throw new InputError(
        `releaseWatch.okrs: the id '${okr.id}' is used twice`,
      );
    }
    ids.add(okr.id);
  }
  return okrs;
}
