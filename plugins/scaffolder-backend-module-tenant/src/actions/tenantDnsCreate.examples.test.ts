import { readFileSync } from 'node:fs';
import { useActionExamples } from './__testUtils__/useActionExamples';
import { createTenantDnsCreateAction } from './tenantDnsCreate';
import { examples } from './tenantDnsCreate.examples';

describe('tenant:dns:create examples', () => {
  const runExample = useActionExamples(createTenantDnsCreateAction, examples);

  it('adds the production and staging host names to the zone file', () =>
    runExample(0, {
      then: ({ result }, { directory, registry }) => {
        expect(result).toEqual({
          production: 'acme.clients.localhost',
          staging: 'acme.staging.clients.localhost',
        });
        const zone = readFileSync(directory.resolve('clients.zone'), 'utf8');
        expect(zone).toContain('acme.clients.localhost.');
        expect(zone).toContain('acme.staging.clients.localhost.');
        expect(registry.ledger.map(entry => entry.step)).toEqual([
          'dns',
          'dns',
        ]);
      },
    }));
});
