/** Shown where a figure is missing (no measurements in the period). */
export const NO_VALUE = '—';

/** Units said in the singular for exactly one: `1 hour`, but `1.5 hours`. */
const SINGULAR_UNITS: Record<string, string> = {
  hours: 'hour',
  minutes: 'minute',
  seconds: 'second',
  days: 'day',
  weeks: 'week',
};

/** A number with as many decimals as its size deserves: `0.25`, `3.25`, `12.5`, `130`. */
export function formatNumber(value: number): string {
  const size = Math.abs(value);
  let decimals = 2;
  if (size >= 100) {
    decimals = 0;
  } else if (size >= 10) {
    decimals = 1;
  }
  return value.toLocaleString(undefined, { maximumFractionDigits: decimals });
}

/** A figure with its unit: `3.5 hours`, `12%`, `4 deploys per week`; `—` without one. */
export function formatValue(
  value: number | null | undefined,
  unit: string,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return NO_VALUE;
  }
  return withUnit(formatNumber(value), value, unit);
}

/** A difference with its sign: `+2 hours`, `-27 hours`, `0 hours`. */
export function formatChange(
  value: number | null | undefined,
  unit: string,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return NO_VALUE;
  }
  const number = formatNumber(value);
  return withUnit(value > 0 ? `+${number}` : number, value, unit);
}

function withUnit(number: string, value: number, unit: string): string {
  if (!unit) {
    return number;
  }
  if (unit === '%') {
    return `${number}%`;
  }
  const said = Math.abs(value) === 1 ? SINGULAR_UNITS[unit] ?? unit : unit;
  return `${number} ${said}`;
}
