import Database from 'better-sqlite3';
import { useActionExamples } from './__testUtils__/useActionExamples';
import { createTenantDatabaseCreateAction } from './tenantDatabaseCreate';
import { examples } from './tenantDatabaseCreate.examples';

describe('tenant:database:create examples', () => {
  const runExample = useActionExamples(
    createTenantDatabaseCreateAction,
    examples,
  );

  it("creates the tenant's SQLite database with the seed loaded", () =>
    runExample(0, {
      then: ({ result }, { directory, registry }) => {
        const filename = directory.resolve('databases/acme.sqlite');
        expect(result).toEqual({ client: 'better-sqlite3', filename });
        const database = new Database(filename, { readonly: true });
        const tables = database
          .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
          .all();
        database.close();
        expect(tables).toEqual([{ name: 'invoices' }]);
        expect(registry.ledger).toEqual([
          expect.objectContaining({
            step: 'database',
            resourceType: 'sqlite-file',
            resourceId: filename,
          }),
        ]);
      },
    }));
});
