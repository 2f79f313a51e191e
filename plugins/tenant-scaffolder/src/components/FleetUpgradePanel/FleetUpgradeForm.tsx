import {
  DEFAULT_FLEET_UPGRADE_OPTIONS,
  FleetUpgradeRequest,
} from '@internal/plugin-tenant-scaffolder-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { FormEvent, useState } from 'react';
import {
  fieldProblemsOf,
  messageOf,
  problemsByField,
  statusCodeOf,
} from '../../api/errors';

/**
 * The version to roll, and the options to change from the defaults. Shows the
 * backend's 400 next to each field and its 409 when an upgrade is under way.
 */
export const FleetUpgradeForm = ({
  disabled,
  onStart,
}: {
  /** Another upgrade runs or waits: the backend would refuse. */
  disabled?: boolean;
  onStart: (request: FleetUpgradeRequest) => Promise<unknown>;
}) => {
  const [version, setVersion] = useState('');
  const [concurrency, setConcurrency] = useState('');
  const [maxFailureShare, setMaxFailureShare] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>();

  const problems = problemsByField(fieldProblemsOf(error));
  const otherError =
    error && Object.keys(problems).length === 0 ? error : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const request: FleetUpgradeRequest = { version: version.trim() };
    if (concurrency.trim()) request.concurrency = Number(concurrency);
    if (maxFailureShare.trim()) {
      request.maxFailureShare = Number(maxFailureShare);
    }
    setSubmitting(true);
    setError(undefined);
    try {
      await onStart(request);
      setVersion('');
    } catch (e) {
      setError(e);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <form onSubmit={submit} aria-label="Start a fleet upgrade">
      <Box display="flex" flexWrap="wrap" gridGap={16} alignItems="flex-start">
        <TextField
          id="fleet-upgrade-version"
          label="Version"
          required
          variant="outlined"
          size="small"
          value={version}
          onChange={event => setVersion(event.target.value)}
          error={Boolean(problems.version)}
          helperText={problems.version ?? 'The version every tenant moves to'}
          disabled={disabled || submitting}
        />
        <TextField
          id="fleet-upgrade-concurrency"
          label="Concurrency"
          type="number"
          variant="outlined"
          size="small"
          inputProps={{ min: 1, step: 1 }}
          value={concurrency}
          onChange={event => setConcurrency(event.target.value)}
          error={Boolean(problems.concurrency)}
          helperText={
            problems.concurrency ??
            `Tenants at once (default ${DEFAULT_FLEET_UPGRADE_OPTIONS.concurrency})`
          }
          disabled={disabled || submitting}
        />
        <TextField
          id="fleet-upgrade-max-failure-share"
          label="Max failure share"
          type="number"
          variant="outlined"
          size="small"
          inputProps={{ min: 0, max: 1, step: 0.05 }}
          value={maxFailureShare}
          onChange={event => setMaxFailureShare(event.target.value)}
          error={Boolean(problems.maxFailureShare)}
          helperText={
            problems.maxFailureShare ??
            `Pause above this share of a wave failing (default ${DEFAULT_FLEET_UPGRADE_OPTIONS.maxFailureShare})`
          }
          disabled={disabled || submitting}
        />
        <Button
          type="submit"
          variant="contained"
          color="primary"
          disabled={disabled || submitting || !version.trim()}
        >
          Start upgrade
        </Button>
      </Box>
      {disabled && (
        <Box mt={1}>
          <Alert severity="info">
            An upgrade is running or paused: resume or cancel it before starting
            another.
          </Alert>
        </Box>
      )}
      {otherError !== undefined && (
        <Box mt={1}>
          <Alert severity="error">
            {statusCodeOf(otherError) === 409
              ? `Another upgrade is under way: ${messageOf(otherError)}`
              : messageOf(otherError)}
          </Alert>
        </Box>
      )}
    </form>
  );
};
