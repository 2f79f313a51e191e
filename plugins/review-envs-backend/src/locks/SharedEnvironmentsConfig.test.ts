import { ConfigReader } from '@backstage/config';
import { readSharedEnvironments } from './SharedEnvironmentsConfig';

type ConfigData = NonNullable<ConstructorParameters<typeof ConfigReader>[0]>;

function read(sharedEnvironments?: ConfigData[]) {
  return readSharedEnvironments(
    new ConfigReader(
      sharedEnvironments ? { reviewEnvs: { sharedEnvironments } } : {},
    ),
  );
}

describe('readSharedEnvironments', () => {
  it('defaults to staging, whose pull requests get no statuses', () => {
    expect(read()).toEqual([
      {
        name: 'staging',
        title: 'Staging',
        defaultDurationMs: 120 * 60_000,
        maxDurationMs: 480 * 60_000,
        branches: [],
      },
    ]);
  });

  it('reads the branches that deploy to each environment', () => {
    expect(
      read([
        { name: 'staging', branches: ['staging', 'release/2.4'] },
        { name: 'demo' },
      ]).map(({ name, branches }) => ({ name, branches })),
    ).toEqual([
      { name: 'staging', branches: ['staging', 'release/2.4'] },
      { name: 'demo', branches: [] },
    ]);
  });

  it.each([[''], [' '], ['my branch']])('refuses the branch %j', branch => {
    expect(() => read([{ name: 'staging', branches: [branch] }])).toThrow(
      /reviewEnvs\.sharedEnvironments\[0\]\.branches/,
    );
  });

  it('refuses branches that are not a list of strings', () => {
    expect(() => read([{ name: 'staging', branches: 'staging' }])).toThrow(
      /branches/,
    );
  });
});
