import { okrReport } from '../__testUtils__/fixtures';
import { okrReportsCsv } from './okrReportsCsv';

describe('okrReportsCsv', () => {
  it('writes one line per objective with raw numbers', () => {
    const lines = okrReportsCsv([
      okrReport({ expectedNow: 17.123456 }),
      okrReport({
        okr: {
          ...okrReport().okr,
          title: 'CI, frontend',
          scope: { kind: 'org' },
        },
        current: null,
        change: null,
        status: 'no-data',
      }),
    ]).split('\r\n');

    expect(lines[0]).toBe(
      'objective,metric,scope,unit,current,current_period_start,target,baseline,change,expected_now,forecast_at_due,start_date,due_date,status',
    );
    expect(lines[1]).toBe(
      '"Time to production, backend",time_to_production,group:backend,hours,8,2026-03-23,3,30,-22,17.123,2.5,2026-01-05,2026-06-29,on-track',
    );
    expect(lines[2]).toBe(
      '"CI, frontend",time_to_production,org,hours,,2026-03-23,3,30,,17.5,2.5,2026-01-05,2026-06-29,no-data',
    );
  });
});
