import { useActionExamples } from './__testUtils__/useActionExamples';
import { createTenantProvisioningCompleteAction } from './tenantProvisioningComplete';
import { examples } from './tenantProvisioningComplete.examples';

describe('tenant:provisioning:complete examples', () => {
  const runExample = useActionExamples(
    createTenantProvisioningCompleteAction,
    examples,
  );

  it('marks the tenant ready', () =>
    runExample(0, {
      then: (output, { registry, logs }) => {
        expect(output).toEqual({});
        expect(registry.tenants.get('acme')).toEqual({ status: 'ready' });
        expect(logs()).toContain('Tenant acme is ready');
      },
    }));
});
