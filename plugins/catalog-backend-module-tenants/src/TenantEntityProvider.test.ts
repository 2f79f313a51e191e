import { mockServices } from '@backstage/backend-test-utils';
import { SchedulerServiceTaskRunner } from '@backstage/backend-plugin-api';
import { Tenant } from '@internal/plugin-tenant-scaffolder-common';
import { TenantEntityProvider } from './TenantEntityProvider';

const tenant = (slug: string, status: Tenant['status']): Tenant => ({
  slug,
  name: `${slug} Corp`,
  plan: { kind: 'trial', endsOn: '2027-01-31' },
  region: 'EU',
  status,
  version: '1.4.0',
  settings: {} as Tenant['settings'],
  owner: 'group:default/customer-success',
  createdAt: '2026-11-22T10:00:00.000Z',
  updatedAt: '2026-11-22T10:00:00.000Z',
});

describe('TenantEntityProvider', () => {
  it('replaces its whole set with one Resource per live tenant, with owner, plan and links', async () => {
    const connection = { applyMutation: jest.fn(), refresh: jest.fn() };
    const taskRunner: SchedulerServiceTaskRunner = { run: jest.fn() };
    const provider = new TenantEntityProvider({
      taskRunner,
      logger: mockServices.logger.mock(),
      appBaseUrl: 'http://localhost:3000',
      domain: 'clients.example.com',
      loadTenants: async () => [
        tenant('acme', 'ready'),
        tenant('gone', 'deleted'),
        tenant('oops', 'failed'),
      ],
    });
    await provider.connect(connection);
    expect(taskRunner.run).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'tenant-scaffolder-entity-provider' }),
    );

    await provider.refresh();

    expect(connection.applyMutation).toHaveBeenCalledWith({
      type: 'full',
      entities: [
        {
          locationKey: 'tenant-scaffolder:tenants',
          entity: expect.objectContaining({
            kind: 'Resource',
            metadata: expect.objectContaining({
              name: 'tenant-acme',
              title: 'acme Corp',
              tags: ['tenant', 'trial', 'ready', 'eu'],
              links: [
                {
                  url: 'http://localhost:3000/tenants/acme',
                  title: 'Tenant registry',
                },
                {
                  url: 'https://acme.clients.example.com',
                  title: 'Production',
                },
                {
                  url: 'https://acme.staging.clients.example.com',
                  title: 'Staging',
                },
              ],
            }),
            spec: { type: 'tenant', owner: 'group:default/customer-success' },
          }),
        },
      ],
    });
  });
});
