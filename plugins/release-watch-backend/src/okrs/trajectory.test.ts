import { expectedOn, forecastOn, okrStatus } from './trajectory';

const okr = {
  baseline: 30,
  target: 3,
  startDate: '2026-01-01',
  dueDate: '2026-01-31',
};
const point = (periodStart: string, value: number | null) => ({
  periodStart,
  value,
  count: value === null ? 0 : 1,
  median: value,
  p90: value,
});

describe('OKR trajectory', () => {
  it('runs straight from baseline to target and holds the ends', () => {
    expect(expectedOn(okr, '2025-12-01')).toBe(30);
    expect(expectedOn(okr, '2026-01-16')).toBeCloseTo(16.5, 5);
    expect(expectedOn(okr, '2026-03-01')).toBe(3);
  });

  it('extends the least-squares trend to the due date, given three periods with data', () => {
    const points = [
      point('2026-01-01', 30),
      point('2026-01-08', 20),
      point('2026-01-15', null),
      point('2026-01-22', 0),
    ];
    // 10 down per week from 30 on Jan 1 (the empty week ignored).
    expect(forecastOn(points, '2026-01-29')).toBeCloseTo(-10, 5);
    expect(forecastOn(points.slice(0, 3), '2026-01-29')).toBeUndefined();
  });

  it('is on track when the trend reaches the target, else when ahead of the line', () => {
    const base = { target: 3, lowerIsBetter: true };
    expect(
      okrStatus({
        ...base,
        current: null,
        expectedNow: 10,
        forecastAtDue: null,
      }),
    ).toBe('no-data');
    expect(
      okrStatus({ ...base, current: 12, expectedNow: 10, forecastAtDue: 2.5 }),
    ).toBe('on-track');
    expect(
      okrStatus({ ...base, current: 8, expectedNow: 10, forecastAtDue: 6 }),
    ).toBe('off-course');
    expect(
      okrStatus({ ...base, current: 8, expectedNow: 10, forecastAtDue: null }),
    ).toBe('on-track');
    expect(
      okrStatus({
        target: 60,
        lowerIsBetter: false,
        current: 20,
        expectedNow: 40,
        forecastAtDue: null,
      }),
    ).toBe('off-course');
  });
});
