export type CsvCell = string | number | boolean | null | undefined;

/** Spreadsheets run a cell starting with one of these as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * RFC 4180 CSV: a header line, then one line per row, CRLF line ends.
 * Cells holding a comma, quote or line break are quoted; text that a
 * spreadsheet would run as a formula is prefixed with `'`. Missing values
 * are empty cells.
 */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  return [header, ...rows]
    .map(row => row.map(csvCell).join(','))
    .join('\r\n')
    .concat('\r\n');
}

/** Three decimals: enough for any unit here, without floating-point noise. */
export function roundForCsv(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1000) / 1000;
}

function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? String(value) : '';
  }
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
