import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CatalogEntityDirectory } from './EntityDirectory';

const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service' },
});

describe('CatalogEntityDirectory.knows', () => {
  it('looks for an entity it has not seen in a fresh catalog read, at most once per recheck', async () => {
    let items = [component('web')];
    const getEntities = jest.fn(async () => ({ items }));
    const directory = new CatalogEntityDirectory(
      { getEntities } as unknown as CatalogService,
      mockServices.auth(),
      [],
    );

    expect(await directory.knows('component:default/web')).toBe(true);
    expect(await directory.knows('Component:default/API', 60_000)).toBe(false);
    expect(getEntities).toHaveBeenCalledTimes(1);

    items = [component('web'), component('api')];
    expect(await directory.knows('component:default/api', 0)).toBe(true);
    expect(getEntities).toHaveBeenCalledTimes(2);
    // The fresh read serves the others too.
    expect((await directory.list()).map(e => e.entityRef)).toEqual([
      'component:default/web',
      'component:default/api',
    ]);
  });
});
