import { lastWeeks, toReportQuery } from './ReleaseWatchFilters';

const NOW = new Date('2026-03-29T15:30:00Z');

describe('lastWeeks', () => {
  it('spans whole weeks ending today', () => {
    expect(lastWeeks(12, NOW)).toEqual({
      from: '2026-01-05',
      to: '2026-03-29',
    });
    expect(lastWeeks(1, NOW)).toEqual({ from: '2026-03-23', to: '2026-03-29' });
  });
});

describe('toReportQuery', () => {
  it('asks for the whole organisation without a group or entity', () => {
    expect(toReportQuery({ weeks: 12, period: 'month' }, NOW)).toEqual({
      period: 'month',
      from: '2026-01-05',
      to: '2026-03-29',
    });
  });

  it('asks for the entity when one is chosen within a group', () => {
    expect(
      toReportQuery(
        {
          weeks: 12,
          period: 'week',
          group: 'frontend',
          entityRef: 'component:default/web',
        },
        NOW,
      ),
    ).toEqual({
      period: 'week',
      from: '2026-01-05',
      to: '2026-03-29',
      entityRef: 'component:default/web',
    });
  });

  it('asks for the group when no entity is chosen', () => {
    expect(
      toReportQuery({ weeks: 12, period: 'week', group: 'frontend' }, NOW),
    ).toMatchObject({ group: 'frontend' });
  });
});
