import { newTenantProblems } from '@internal/plugin-tenant-scaffolder-common';
import { useActionExamples } from './__testUtils__/useActionExamples';
import { createTenantRegisterAction } from './tenantRegister';
import { examples } from './tenantRegister.examples';

describe('tenant:register examples', () => {
  const runExample = useActionExamples(createTenantRegisterAction, examples, {
    tenantRegistered: false,
  });

  it('registers a trial tenant as the registry would accept it', () =>
    runExample(0, {
      then: (output, { registry }) => {
        expect(output).toEqual({ slug: 'acme' });
        const [registered] = registry.registered;
        expect(registered).toMatchObject({
          slug: 'acme',
          plan: { kind: 'trial', endsOn: '2027-01-31' },
          version: '1.0.0',
          provisioningTask: 'mock-task-id',
        });
        // What the registry itself would accept.
        expect(newTenantProblems(registered)).toEqual([]);
        expect(registry.tenants.get('acme')).toEqual({
          status: 'provisioning',
        });
      },
    }));

  it('registers a paying tenant with the SMTP password from the task secret', () =>
    runExample(1, {
      secrets: { smtpPassword: 'from-the-secret-field' },
      then: (output, { registry, logs }) => {
        expect(output).toEqual({ slug: 'globex' });
        const [registered] = registry.registered;
        expect(registered).toMatchObject({
          plan: { kind: 'paid' },
          version: '2.4.0',
          settings: {
            mail: { mode: 'smtp', password: 'from-the-secret-field' },
          },
        });
        expect(newTenantProblems(registered)).toEqual([]);
        expect(JSON.stringify(logs())).not.toContain('from-the-secret-field');
      },
    }));
});
