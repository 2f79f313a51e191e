import {
  compareTenantHealth,
  HealthRule,
  median,
  TenantHealth,
} from './compareTenantHealth';

const RULE: HealthRule = {
  metric: 'metric:error_rate',
  metricWorseWhen: 'higher',
  maxMetricRegression: 0.25,
  minSamples: 10,
  maxIncidentRegression: 0.5,
  maxChangeFailureRegression: 0.5,
};

/** A tenant with `count` samples of the error rate around `median`. */
const tenant = (
  errorRate: number | undefined,
  count = 10,
  extra: Partial<TenantHealth> = {},
): TenantHealth => ({
  incidents: 0,
  failedDeployments: 0,
  metric:
    errorRate === undefined ? null : { unit: '%', count, median: errorRate },
  ...extra,
});

const many = (n: number, make: (i: number) => TenantHealth) =>
  Array.from({ length: n }, (_, i) => make(i));

const regressed = (findings: ReturnType<typeof compareTenantHealth>) =>
  findings.filter(finding => finding.regressed).map(finding => finding.signal);

describe('compareTenantHealth', () => {
  it('finds a canary whose error rate regressed past the threshold, with the figures', () => {
    const findings = compareTenantHealth(
      [tenant(4.8, 12)],
      many(199, i => tenant(0.8 + (i % 3) * 0.1)),
      RULE,
    );
    expect(regressed(findings)).toEqual(['metric']);
    expect(findings[0].text).toBe(
      'error_rate median 4.8% on 1 upgraded tenant vs 0.9% on 199 not yet upgraded (+433%, more than 25% allowed)',
    );
  });

  it('lets noise below the threshold pass', () => {
    const findings = compareTenantHealth(
      many(6, i => tenant(1.1 + (i % 2) * 0.05)),
      many(40, i => tenant(0.95 + (i % 3) * 0.05)),
      RULE,
    );
    expect(regressed(findings)).toEqual([]);
    expect(findings[0].text).toContain('within 25% allowed');
  });

  it('does not compare the metric with fewer samples than minSamples on either side', () => {
    const fewOnCanary = compareTenantHealth(
      [tenant(9, 3)],
      many(20, () => tenant(1)),
      RULE,
    );
    expect(regressed(fewOnCanary)).toEqual([]);
    expect(fewOnCanary[0].text).toBe(
      'error_rate not compared: 3 sample(s) on the upgraded tenants, 10 needed on each side',
    );
    const fewOnTheRest = compareTenantHealth(
      [tenant(9, 20)],
      [tenant(1, 4), tenant(undefined)],
      RULE,
    );
    expect(regressed(fewOnTheRest)).toEqual([]);
  });

  it('compares no metric unless one is configured, and nothing with an empty side', () => {
    expect(
      compareTenantHealth([tenant(9)], [tenant(1)], {
        ...RULE,
        metric: undefined,
      }).map(finding => finding.signal),
    ).toEqual(['incidents', 'change failures']);
    expect(compareTenantHealth([], [tenant(1)], RULE)).toEqual([]);
    expect(compareTenantHealth([tenant(9)], [], RULE)).toEqual([]);
  });

  it('counts lower as worse when told so', () => {
    const rule = { ...RULE, metricWorseWhen: 'lower' as const };
    expect(
      regressed(compareTenantHealth([tenant(50)], [tenant(100)], rule)),
    ).toEqual(['metric']);
    expect(
      regressed(compareTenantHealth([tenant(150)], [tenant(100)], rule)),
    ).toEqual([]);
  });

  it('counts any worsening from 0 as past the threshold', () => {
    const findings = compareTenantHealth([tenant(0.5)], [tenant(0)], RULE);
    expect(regressed(findings)).toEqual(['metric']);
    expect(findings[0].text).toContain('(from 0, more than 25% allowed)');
    expect(
      regressed(compareTenantHealth([tenant(0)], [tenant(0)], RULE)),
    ).toEqual([]);
  });

  it('pauses on incidents and change failures per tenant past their thresholds', () => {
    const findings = compareTenantHealth(
      [
        tenant(1, 10, { incidents: 1, failedDeployments: 1 }),
        tenant(1, 10, { incidents: 1 }),
      ],
      many(10, i => tenant(1, 10, { incidents: i === 0 ? 1 : 0 })),
      RULE,
    );
    expect(regressed(findings)).toEqual(['incidents']);
    expect(findings[1].text).toBe(
      'incidents 1 per tenant on 2 upgraded tenants vs 0.1 on 10 not yet upgraded (+0.9, more than 0.5 allowed)',
    );
    expect(findings[2].text).toContain('change failures 0.5 per tenant');
    expect(findings[2].text).toContain('within 0.5 allowed');
    // One incident among five upgraded tenants is noise at 0.5 per tenant.
    expect(
      regressed(
        compareTenantHealth(
          [tenant(1, 10, { incidents: 1 }), ...many(4, () => tenant(1))],
          many(10, () => tenant(1)),
          RULE,
        ),
      ),
    ).toEqual([]);
  });

  it('takes the middle of an even count as the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });
});
