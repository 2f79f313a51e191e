import { GroupNode, rollUpTeams } from './rollUpTeams';

const group = (
  name: string,
  options: Partial<Omit<GroupNode, 'ref'>> = {},
): GroupNode => ({
  ref: `group:default/${name}`,
  title: name,
  parent: null,
  children: [],
  ...options,
});

describe('rollUpTeams', () => {
  it('rolls nested groups up into their parents, each entity once', () => {
    const teams = rollUpTeams(
      [
        group('engineering', {
          children: ['group:default/frontend', 'group:default/backend'],
        }),
        group('frontend', { parent: 'group:default/engineering' }),
        // Known as a child only through its own parent.
        group('backend', { parent: 'group:default/engineering' }),
        group('platform', { parent: 'group:default/engineering' }),
        group('customer-success'),
      ],
      new Map([
        ['group:default/engineering', ['component:default/portal']],
        ['group:default/frontend', ['component:default/web']],
        [
          'group:default/backend',
          ['component:default/api', 'component:default/portal'],
        ],
        ['group:default/platform', ['component:default/ci']],
      ]),
    );
    expect(teams.map(t => [t.owner, t.entityRefs])).toEqual([
      [
        'group:default/backend',
        ['component:default/api', 'component:default/portal'],
      ],
      [
        'group:default/engineering',
        [
          'component:default/api',
          'component:default/ci',
          'component:default/portal',
          'component:default/web',
        ],
      ],
      ['group:default/frontend', ['component:default/web']],
      ['group:default/platform', ['component:default/ci']],
    ]);
  });

  it('walks a cycle in the hierarchy once', () => {
    const teams = rollUpTeams(
      [
        group('a', { children: ['group:default/b'] }),
        group('b', { children: ['group:default/a'] }),
        group('c', { children: ['group:default/c'] }),
      ],
      new Map([
        ['group:default/a', ['component:default/one']],
        ['group:default/b', ['component:default/two']],
        ['group:default/c', ['component:default/three']],
      ]),
    );
    expect(teams.map(t => [t.owner, t.entityRefs])).toEqual([
      ['group:default/a', ['component:default/one', 'component:default/two']],
      ['group:default/b', ['component:default/one', 'component:default/two']],
      ['group:default/c', ['component:default/three']],
    ]);
  });
});
