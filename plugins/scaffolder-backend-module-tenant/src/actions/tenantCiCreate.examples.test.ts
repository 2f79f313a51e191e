import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { useActionExamples } from './__testUtils__/useActionExamples';
import { createTenantCiCreateAction } from './tenantCiCreate';
import { examples } from './tenantCiCreate.examples';

describe('tenant:ci:create examples', () => {
  const runExample = useActionExamples(createTenantCiCreateAction, examples);

  it('writes the workflow file tenant-acme.yml', () =>
    runExample(0, {
      then: ({ result }, { directory, registry }) => {
        const workflow = directory.resolve('ci/tenant-acme.yml');
        expect(result).toEqual({
          name: 'tenant-acme',
          url: pathToFileURL(workflow).href,
        });
        const content = readFileSync(workflow, 'utf8');
        expect(content).toContain('name: tenant-acme');
        expect(content).toContain('url: https://acme.clients.localhost');
        expect(registry.ledger.map(entry => entry.step)).toEqual(['ci']);
      },
    }));
});
