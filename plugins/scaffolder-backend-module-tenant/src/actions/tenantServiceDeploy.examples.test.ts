import { useActionExamples } from './__testUtils__/useActionExamples';
import { createTenantServiceDeployAction } from './tenantServiceDeploy';
import { examples } from './tenantServiceDeploy.examples';

describe('tenant:service:deploy examples', () => {
  const runExample = useActionExamples(
    createTenantServiceDeployAction,
    examples,
  );

  it("deploys the tenant's service with its config file and version", () =>
    runExample(0, {
      then: ({ result }, { directory, registry, deployed }) => {
        expect(result).toEqual({
          url: 'http://localhost:7100/tenant-acme',
          version: 'HEAD',
        });
        expect(deployed).toEqual([
          {
            environmentId: 'tenant-acme',
            source: {
              repository: directory.resolve('tenant-app'),
              ref: 'HEAD',
            },
            env: {
              TENANT_SLUG: 'acme',
              TENANT_CONFIG_FILE: directory.resolve('config/acme/config.yml'),
              TENANT_VERSION: '1.0.0',
            },
          },
        ]);
        expect(registry.ledger).toEqual([
          expect.objectContaining({
            step: 'deploy',
            resourceType: 'deployment',
            resourceId: 'tenant-acme',
          }),
        ]);
      },
    }));
});
