import { dayToTime } from '../../format/formatDate';
import { okrReport } from '../../__testUtils__/fixtures';
import { okrChartData } from './okrChartData';

describe('okrChartData', () => {
  it('draws the trajectory from baseline at the start to target when due', () => {
    const { trajectory } = okrChartData(okrReport());

    expect(trajectory).toEqual([
      { time: dayToTime('2026-01-05'), trajectory: 30 },
      { time: dayToTime('2026-06-29'), trajectory: 3 },
    ]);
  });

  it('keeps periods without measurements, with where the trajectory stands', () => {
    const { rows } = okrChartData(okrReport());

    expect(rows.map(row => row.value)).toEqual([20, null, 12, 8]);
    const empty = rows[1];
    expect(empty).toMatchObject({ time: dayToTime('2026-03-09'), count: 0 });
    // 9 of 25 weeks from 2026-01-05 to 2026-06-29: 30 - 27 * 9 / 25.
    expect(empty.trajectory).toBeCloseTo(20.28);
  });

  it('has no trajectory before the start', () => {
    const report = okrReport();
    const { rows } = okrChartData({
      ...report,
      okr: { ...report.okr, startDate: '2026-03-12' },
    });

    expect(rows.map(row => row.trajectory === null)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('spans the periods, the start and the due date', () => {
    const report = okrReport();

    expect(okrChartData(report).domain).toEqual([
      dayToTime('2026-01-05'),
      dayToTime('2026-06-29'),
    ]);
    expect(
      okrChartData({
        ...report,
        okr: { ...report.okr, startDate: '2026-03-12', dueDate: '2026-03-20' },
      }).domain,
    ).toEqual([dayToTime('2026-03-02'), dayToTime('2026-03-23')]);
  });
});
