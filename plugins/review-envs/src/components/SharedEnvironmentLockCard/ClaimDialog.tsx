import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { FormEvent, useState } from 'react';

const DURATIONS = [30, 60, 120, 240, 480];

export type ClaimRequest = { reason: string; durationMinutes: number };

/** Asks for a reason and a duration before claiming (or queueing for) a lock. */
export const ClaimDialog = (props: {
  open: boolean;
  title: string;
  submitLabel: string;
  askReason?: boolean;
  onClose: () => void;
  onSubmit: (request: ClaimRequest) => void;
}) => {
  const {
    open,
    title,
    submitLabel,
    askReason = true,
    onClose,
    onSubmit,
  } = props;
  const [reason, setReason] = useState('');
  const [durationMinutes, setDurationMinutes] = useState(120);
  const invalid = askReason && reason.trim().length === 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!invalid) onSubmit({ reason: reason.trim(), durationMinutes });
  };

  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="lock-dialog-title">
      <form onSubmit={submit}>
        <DialogTitle id="lock-dialog-title">{title}</DialogTitle>
        <DialogContent>
          {askReason && (
            <TextField
              fullWidth
              required
              margin="dense"
              id="lock-reason"
              label="Reason"
              placeholder="e.g. Release 2.4 smoke test"
              value={reason}
              inputProps={{ maxLength: 500 }}
              onChange={event => setReason(event.target.value)}
            />
          )}
          <TextField
            select
            fullWidth
            margin="dense"
            id="lock-duration"
            label="For"
            value={durationMinutes}
            onChange={event => setDurationMinutes(Number(event.target.value))}
          >
            {DURATIONS.map(minutes => (
              <MenuItem key={minutes} value={minutes}>
                {formatMinutes(minutes)}
              </MenuItem>
            ))}
          </TextField>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={invalid}
          >
            {submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};

function formatMinutes(minutes: number) {
  if (minutes < 60) return `${minutes} minutes`;
  const hours = minutes / 60;
  return hours === 1 ? '1 hour' : `${hours} hours`;
}
