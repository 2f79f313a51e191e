export { CsvExportButton } from './CsvExportButton';
