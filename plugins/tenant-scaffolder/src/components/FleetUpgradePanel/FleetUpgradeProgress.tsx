import { FleetUpgrade } from '@internal/plugin-tenant-scaffolder-common';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { formatDateTime, formatTimeOfDay } from '../../format/formatDate';
import { FleetUpgradeStatusChip } from '../TenantStatusChip';

/** Finished tenants (succeeded or failed) as a share of all, 0 to 100. */
export function progressPercent(upgrade: FleetUpgrade): number {
  const { total, succeeded, failed } = upgrade.counts;
  if (total === 0) return 100;
  return Math.round(((succeeded + failed) / total) * 100);
}

/** Version, status with its reason, wave n of m and the progress bar. */
export const FleetUpgradeProgress = ({
  upgrade,
}: {
  upgrade: FleetUpgrade;
}) => {
  const { counts } = upgrade;
  const done = counts.succeeded + counts.failed;
  const percent = progressPercent(upgrade);
  const wave =
    upgrade.waveCount > 0
      ? `Wave ${Math.min(upgrade.currentWave + 1, upgrade.waveCount)} of ${
          upgrade.waveCount
        }${upgrade.currentWave === 0 ? ' (canary)' : ''}`
      : 'No waves: no tenant was ready';

  return (
    <Box role="group" aria-label="Fleet upgrade summary">
      <Box display="flex" alignItems="center" gridGap={16} flexWrap="wrap">
        <Typography variant="h6">Upgrade to {upgrade.version}</Typography>
        <FleetUpgradeStatusChip status={upgrade.status} />
        <Typography variant="body2">{wave}</Typography>
      </Box>
      {upgrade.reason && (
        <Typography variant="body2" color="textSecondary">
          {upgrade.reason}
        </Typography>
      )}
      {upgrade.status === 'running' && upgrade.soakingUntil && (
        <Typography variant="body2" role="status">
          {upgrade.currentWave === 0
            ? 'The canary'
            : `Wave ${upgrade.currentWave + 1}`}{' '}
          is done and soaking until {formatTimeOfDay(upgrade.soakingUntil)}:
          then the health guard compares the tenants upgraded so far with those
          not yet upgraded, and the next wave starts or the upgrade pauses.
        </Typography>
      )}
      <Box mt={1} mb={1}>
        <LinearProgress
          variant="determinate"
          value={percent}
          aria-label="Fleet upgrade progress"
        />
      </Box>
      <Typography variant="body2">
        {done} of {counts.total} tenants done ({counts.succeeded} succeeded,{' '}
        {counts.failed} failed
        {counts.skipped ? `, ${counts.skipped} skipped` : ''})
      </Typography>
      <Typography variant="caption" color="textSecondary">
        Started by {upgrade.createdBy} at {formatDateTime(upgrade.createdAt)}
        {upgrade.finishedAt
          ? `, finished at ${formatDateTime(upgrade.finishedAt)}`
          : ''}
        . Concurrency {upgrade.options.concurrency}, pauses above{' '}
        {Math.round(upgrade.options.maxFailureShare * 100)}% failures in a wave.
      </Typography>
    </Box>
  );
};
