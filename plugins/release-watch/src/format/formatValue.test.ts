import { formatChange, formatNumber, formatValue } from './formatValue';

describe('formatValue', () => {
  it('writes the unit after the number', () => {
    expect(formatValue(3.5, 'hours')).toBe('3.5 hours');
    expect(formatValue(4, 'deploys per week')).toBe('4 deploys per week');
    expect(formatValue(2.3, 's')).toBe('2.3 s');
  });

  it('writes percentages without a space', () => {
    expect(formatValue(12.5, '%')).toBe('12.5%');
  });

  it('says one hour in the singular', () => {
    expect(formatValue(1, 'hours')).toBe('1 hour');
    expect(formatValue(1, 'deploys per week')).toBe('1 deploys per week');
  });

  it('shows a dash where there is no figure', () => {
    expect(formatValue(null, 'hours')).toBe('—');
    expect(formatValue(undefined, 'hours')).toBe('—');
  });
});

describe('formatChange', () => {
  it('signs the difference', () => {
    expect(formatChange(2, 'hours')).toBe('+2 hours');
    expect(formatChange(-27, 'hours')).toBe('-27 hours');
    expect(formatChange(0, '%')).toBe('0%');
    expect(formatChange(null, '%')).toBe('—');
  });
});

describe('formatNumber', () => {
  it('keeps fewer decimals for larger numbers', () => {
    expect(formatNumber(0.256)).toBe('0.26');
    expect(formatNumber(12.345)).toBe('12.3');
    expect(formatNumber(130.4)).toBe('130');
  });
});
