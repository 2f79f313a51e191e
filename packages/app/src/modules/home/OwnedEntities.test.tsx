import { identityApiRef } from '@backstage/frontend-plugin-api';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, within } from '@testing-library/react';
import { OwnedEntities } from './OwnedEntities';

const entity = (kind: string, name: string, owner: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  spec: { owner },
  relations: [{ type: 'ownedBy', targetRef: owner }],
});

function render(entities: object[]) {
  return renderInTestApp(<OwnedEntities />, {
    apis: [
      [catalogApiRef, catalogApiMock({ entities: entities as any })],
      [
        identityApiRef,
        mockApis.identity({
          userEntityRef: 'user:default/ada',
          ownershipEntityRefs: ['user:default/ada', 'group:default/backend'],
        }),
      ],
    ],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

describe('OwnedEntities', () => {
  it("lists what the user or the user's groups own, linked to their pages", async () => {
    await render([
      entity('Component', 'orders-api', 'group:default/backend'),
      entity('Component', 'web', 'group:default/frontend'),
      entity('System', 'billing', 'user:default/ada'),
    ]);

    const list = await screen.findByRole('list', { name: 'Owned by you' });
    expect(
      within(list)
        .getAllByRole('link')
        .map(link => link.getAttribute('href')),
    ).toEqual([
      '/catalog/default/component/orders-api',
      '/catalog/default/system/billing',
    ]);
  });

  it('says so when the user owns nothing', async () => {
    await render([entity('Component', 'web', 'group:default/frontend')]);

    expect(
      await screen.findByText(/Nothing in the catalog is owned by you/),
    ).toBeInTheDocument();
  });
});
