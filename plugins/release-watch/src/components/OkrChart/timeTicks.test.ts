import { dayToTime, timeToDay } from '../../format/formatDate';
import { MAX_TICKS, timeTicks } from './timeTicks';

const days = (ticks: number[]) => ticks.map(tick => timeToDay(tick));

describe('timeTicks', () => {
  it('puts weekly ticks on Mondays', () => {
    expect(
      days(timeTicks(dayToTime('2026-03-04'), dayToTime('2026-03-30'), 'week')),
    ).toEqual(['2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30']);
  });

  it('skips weeks over a long range', () => {
    const ticks = days(
      timeTicks(dayToTime('2026-01-05'), dayToTime('2026-12-28'), 'week'),
    );

    expect(ticks.length).toBeLessThanOrEqual(MAX_TICKS);
    expect(ticks[0]).toBe('2026-01-05');
    expect(ticks[1]).toBe('2026-02-23');
  });

  it('puts monthly ticks on the first of the month', () => {
    expect(
      days(
        timeTicks(dayToTime('2026-01-01'), dayToTime('2026-04-15'), 'month'),
      ),
    ).toEqual(['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01']);
    expect(
      days(
        timeTicks(dayToTime('2026-01-02'), dayToTime('2026-03-01'), 'month'),
      ),
    ).toEqual(['2026-02-01', '2026-03-01']);
  });

  it('skips months over a long range, across years', () => {
    const ticks = days(
      timeTicks(dayToTime('2025-11-01'), dayToTime('2027-10-01'), 'month'),
    );

    expect(ticks).toEqual([
      '2025-11-01',
      '2026-02-01',
      '2026-05-01',
      '2026-08-01',
      '2026-11-01',
      '2027-02-01',
      '2027-05-01',
      '2027-08-01',
    ]);
  });

  it('has no ticks for an empty range', () => {
    expect(timeTicks(Number.NaN, Number.NaN, 'week')).toEqual([]);
  });
});
