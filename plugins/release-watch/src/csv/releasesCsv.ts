import { ReleaseSummary } from '@internal/plugin-release-watch-common';
import { roundForCsv, toCsv } from './toCsv';

const HEADER = [
  'entity',
  'group',
  'version',
  'started_at',
  'deployed_at',
  'time_to_production_hours',
  'outlier',
];

/** The releases list as CSV, one release per line, times in ISO 8601. */
export function releasesCsv(releases: ReleaseSummary[]): string {
  return toCsv(
    HEADER,
    releases.map(release => [
      release.entityRef,
      release.group,
      release.version,
      release.startedAt,
      release.deployedAt,
      roundForCsv(release.timeToProductionHours),
      release.outlier,
    ]),
  );
}
