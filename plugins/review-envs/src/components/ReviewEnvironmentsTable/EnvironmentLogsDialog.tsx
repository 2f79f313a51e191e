import {
  LogViewer,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { ReviewEnvironment } from '@internal/plugin-review-envs-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import { usePolled } from '../../hooks/usePolled';

/** The last deploy's progress and the running version's output. */
export const EnvironmentLogsDialog = (props: {
  environment: ReviewEnvironment;
  onClose: () => void;
}) => {
  const { environment, onClose } = props;
  const { value, loading, error } = usePolled(api =>
    api.environmentLogs(environment.id),
  );
  const text = value
    ? [
        '--- last deploy ---',
        ...(value.deploy.length ? value.deploy : ['(none)']),
        '--- output of the running version ---',
        ...(value.output.length ? value.output : ['(none)']),
      ].join('\n')
    : '';

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="lg">
      <DialogTitle>Logs of {environment.id}</DialogTitle>
      <DialogContent style={{ height: 480 }}>
        {loading && <Progress />}
        {error && <ResponseErrorPanel error={error} />}
        {value && <LogViewer text={text} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
};
