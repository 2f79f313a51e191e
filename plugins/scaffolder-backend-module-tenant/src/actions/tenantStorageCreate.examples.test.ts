import { readdirSync } from 'node:fs';
import { useActionExamples } from './__testUtils__/useActionExamples';
import { createTenantStorageCreateAction } from './tenantStorageCreate';
import { examples } from './tenantStorageCreate.examples';

describe('tenant:storage:create examples', () => {
  const runExample = useActionExamples(
    createTenantStorageCreateAction,
    examples,
  );

  it("creates the tenant's folder with the initial assets", () =>
    runExample(0, {
      then: ({ result }, { directory, registry }) => {
        const location = directory.resolve('storage/acme');
        expect(result).toEqual({ location });
        expect(readdirSync(location)).toEqual(['logo.svg']);
        expect(registry.ledger.map(entry => entry.step)).toEqual(['storage']);
      },
    }));
});
