import { release } from '../__testUtils__/fixtures';
import { releasesCsv } from './releasesCsv';

describe('releasesCsv', () => {
  it('writes one line per release, empty where not deployed', () => {
    expect(
      releasesCsv([
        release(),
        release({
          version: '1.6.0',
          deployedAt: null,
          timeToProductionHours: null,
        }),
      ]),
    ).toBe(
      'entity,group,version,started_at,deployed_at,time_to_production_hours,outlier\r\n' +
        'component:default/orders-api,backend,1.4.0,2026-03-24T09:00:00.000Z,2026-03-24T11:30:00.000Z,2.5,false\r\n' +
        'component:default/orders-api,backend,1.6.0,2026-03-24T09:00:00.000Z,,,false\r\n',
    );
  });
});
