import { ConflictError } from '@backstage/errors';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LedgerResource, RecordResource } from '../LedgerResource';
import {
  TenantCi,
  TenantCiJob,
  TenantCiValues,
  renderTenantWorkflow,
  tenantCiName,
} from './TenantCi';
import { ownedPath } from '../ownership';

const FILE = 'local-ci-workflow';

/**
 * The embedded default: the tenant's GitHub Actions workflow written to
 * `<directory>/tenant-<slug>.yml`, for a repository to pick up by hand.
 */
export class LocalTenantCi implements TenantCi {
  readonly resourceTypes = [FILE];
  private readonly directory: string;

  constructor(directory: string) {
    this.directory = resolve(directory);
  }

  describe(slug: string): string[] {
    return [
      `write the CI workflow ${tenantCiName(slug)} to ${this.file(slug)}`,
    ];
  }

  async create(
    slug: string,
    values: TenantCiValues,
    record: RecordResource,
  ): Promise<TenantCiJob> {
    const name = tenantCiName(slug);
    const path = this.file(slug);
    const content = renderTenantWorkflow(slug, values);
    // Checked before recording: a file someone else put there must not enter
    // the ledger, or undoing this step would delete it.
    if (existsSync(path)) {
      throw new ConflictError(
        `${path} already exists; the portal does not touch what it did not make`,
      );
    }
    await record({ type: FILE, id: path });
    mkdirSync(this.directory, { recursive: true });
    // 'wx': fails when the file exists, so nothing is ever written over.
    writeFileSync(path, content, { flag: 'wx' });
    return { name, url: pathToFileURL(path).href };
  }

  async remove(slug: string, resource: LedgerResource): Promise<void> {
    const path = ownedPath(slug, resource, FILE, this.directory, [
      this.file(slug),
    ]);
    if (path) rmSync(path, { force: true });
  }

  private file(slug: string) {
    return join(this.directory, `${tenantCiName(slug)}.yml`);
  }
}
