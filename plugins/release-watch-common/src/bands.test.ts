import { bandOf, hasBand } from './bands';

describe('bandOf', () => {
  it.each([
    // deploys per week: Elite >= 7, High >= 1, Medium >= 12/52, else Low
    ['deployment_frequency', 30, 'elite'],
    ['deployment_frequency', 7, 'elite'],
    ['deployment_frequency', 6.99, 'high'],
    ['deployment_frequency', 1, 'high'],
    ['deployment_frequency', 0.99, 'medium'],
    ['deployment_frequency', 12 / 52, 'medium'],
    ['deployment_frequency', 0.23, 'low'],
    ['deployment_frequency', 0, 'low'],
    // hours: Elite < 24, High <= 168, Medium <= 720, else Low
    ['lead_time', 0, 'elite'],
    ['lead_time', 23.99, 'elite'],
    ['lead_time', 24, 'high'],
    ['lead_time', 168, 'high'],
    ['lead_time', 168.01, 'medium'],
    ['lead_time', 720, 'medium'],
    ['lead_time', 720.01, 'low'],
    // %: Elite <= 5, High <= 10, Medium <= 15, else Low
    ['change_failure_rate', 0, 'elite'],
    ['change_failure_rate', 5, 'elite'],
    ['change_failure_rate', 5.01, 'high'],
    ['change_failure_rate', 10, 'high'],
    ['change_failure_rate', 10.01, 'medium'],
    ['change_failure_rate', 15, 'medium'],
    ['change_failure_rate', 15.01, 'low'],
    ['change_failure_rate', 64, 'low'],
    // hours: Elite < 1, High < 24, Medium <= 168, else Low
    ['time_to_restore', 0.5, 'elite'],
    ['time_to_restore', 1, 'high'],
    ['time_to_restore', 23.99, 'high'],
    ['time_to_restore', 24, 'medium'],
    ['time_to_restore', 168, 'medium'],
    ['time_to_restore', 168.01, 'low'],
  ])('%s of %s is %s', (metric, value, band) => {
    expect(bandOf(metric, value)).toEqual({ band });
  });

  it('gives deployment rework rate no band, saying why', () => {
    expect(bandOf('deployment_rework_rate', 3)).toEqual({
      band: null,
      reason:
        'The 2023 DORA report defines no performance band for deployment rework rate',
    });
    expect(hasBand('deployment_rework_rate')).toBe(false);
  });

  it('bands no metric outside the DORA keys, and no missing value', () => {
    expect(bandOf('time_to_production', 2)).toEqual({
      band: null,
      reason: 'Not one of the DORA keys',
    });
    expect(bandOf('lead_time', null)).toEqual({
      band: null,
      reason: 'No data in the range',
    });
    expect(bandOf('lead_time', Number.NaN).band).toBeNull();
    expect(hasBand('lead_time')).toBe(true);
  });
});
