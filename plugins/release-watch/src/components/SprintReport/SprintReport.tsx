import { InfoCard } from '@backstage/core-components';
import { ReleasesResponse } from '@internal/plugin-release-watch-common';
import Typography from '@material-ui/core/Typography';
import { formatValue } from '../../format/formatValue';

/** The backend's sentences about the range, and the figures they rest on. */
export const SprintReport = (props: { releases: ReleasesResponse }) => {
  const { releases } = props;
  return (
    <InfoCard title="Sprint report" subheader={summary(releases)}>
      {releases.report.length > 0 ? (
        <ul aria-label="Sprint report">
          {releases.report.map(line => (
            <li key={line}>
              <Typography>{line}</Typography>
            </li>
          ))}
        </ul>
      ) : (
        <Typography color="textSecondary">
          Nothing to report for this range.
        </Typography>
      )}
    </InfoCard>
  );
};

/** `12 releases, 10 deployed · median 3 hours · p90 9 hours · 80% under the 4 hours target` */
function summary(releases: ReleasesResponse): string {
  const parts = [
    `${releases.count} ${releases.count === 1 ? 'release' : 'releases'}, ${
      releases.deployed
    } deployed`,
  ];
  if (releases.medianHours !== null) {
    parts.push(`median ${formatValue(releases.medianHours, 'hours')}`);
  }
  if (releases.p90Hours !== null) {
    parts.push(`p90 ${formatValue(releases.p90Hours, 'hours')}`);
  }
  if (releases.targetHours !== null && releases.shareUnderTarget !== null) {
    parts.push(
      `${formatValue(
        releases.shareUnderTarget * 100,
        '%',
      )} under the ${formatValue(releases.targetHours, 'hours')} target`,
    );
  }
  return parts.join(' · ');
}
