import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Alert, { AlertProps } from '@material-ui/lab/Alert';
import { messageOf } from '../../api/errors';
import { SettingsUpdateResult } from '../../api/TenantScaffolderApi';
import { labelOf } from './fieldLabels';
import { SaveFailure } from './saveFailure';

const Notice = (props: AlertProps) => (
  <Box mb={2}>
    <Alert {...props} />
  </Box>
);

/**
 * What the form says above its fields: that it is read-only, why the last
 * save failed, or whether the saved settings reached the running instance.
 */
export const SettingsFormStatus = ({
  canEdit,
  error,
  failure,
  saved,
  onReload,
}: {
  canEdit: boolean;
  error: unknown;
  failure: SaveFailure;
  saved?: SettingsUpdateResult;
  onReload: () => void;
}) => (
  <>
    {!canEdit && (
      <Notice severity="info">
        You may not change this tenant's settings.
      </Notice>
    )}
    {failure.problems.length > 0 && (
      <Notice severity="error">
        The settings were not saved:
        <ul style={{ margin: 0 }}>
          {failure.problems.map(problem => (
            <li key={`${problem.field}:${problem.message}`}>
              {labelOf(problem.field)}: {problem.message}
            </li>
          ))}
        </ul>
      </Notice>
    )}
    {failure.conflict && (
      <Notice
        severity="warning"
        action={
          <Button color="inherit" size="small" onClick={onReload}>
            Reload
          </Button>
        }
      >
        Someone changed this tenant's settings since you opened them, so yours
        were not saved. Reload to see their changes, then make yours again. (
        {messageOf(error)})
      </Notice>
    )}
    {failure.other !== undefined && (
      <Notice severity="error">{messageOf(failure.other)}</Notice>
    )}
    {saved &&
      (saved.appliedToInstance ? (
        <Notice severity="success">
          Settings saved, and the running instance has them: no restart needed.
        </Notice>
      ) : (
        <Notice severity="warning">
          Settings saved, but the running instance does not have them yet
          {saved.applyProblem ? `: ${saved.applyProblem}` : ''}. Save again to
          retry.
        </Notice>
      ))}
  </>
);
