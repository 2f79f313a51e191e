import Button from '@material-ui/core/Button';
import SaveAltIcon from '@material-ui/icons/SaveAlt';
import { downloadCsv } from '../../csv/downloadCsv';

/** Downloads what `toCsv` writes as `filename`; the CSV is made on click, not on render. */
export const CsvExportButton = (props: {
  label: string;
  filename: string;
  toCsv: () => string;
  disabled?: boolean;
}) => {
  const { label, filename, toCsv, disabled } = props;
  return (
    <Button
      variant="outlined"
      size="small"
      startIcon={<SaveAltIcon />}
      disabled={disabled}
      onClick={() => downloadCsv(filename, toCsv())}
    >
      {label}
    </Button>
  );
};
