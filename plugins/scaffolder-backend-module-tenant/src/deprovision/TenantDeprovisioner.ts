import { LoggerService } from '@backstage/backend-plugin-api';
import { TenantRegistryApi } from '../registry/TenantRegistryClient';
import {
  TenantRollback,
  describeLeftovers,
  leftAnything,
} from '../rollback/TenantRollback';

/**
 * Deletes tenants the registry marked `deleting` through the same undo steps
 * a failed provisioning takes: every resource in the tenant's ledger, newest
 * first, and nothing else. Ends `deleted`, or `needs-cleanup` naming what is
 * left when a removal fails (the next run does not retry it by itself: a
 * person looks first).
 */
export class TenantDeprovisioner {
  constructor(
    private readonly registry: TenantRegistryApi,
    private readonly rollback: TenantRollback,
    private readonly logger: LoggerService,
  ) {}

  async run(): Promise<void> {
    for (const slug of await this.registry.slugsWithStatus('deleting')) {
      await this.deprovision(slug);
    }
  }

  async deprovision(slug: string): Promise<void> {
    const log = (message: string) =>
      this.logger.info(`Deleting tenant ${slug}: ${message}`);
    const result = await this.rollback.undo(slug, log);
    const { removed } = result;
    if (leftAnything(result)) {
      await this.registry.reportStatus(
        slug,
        'needs-cleanup',
        `delete: ${describeLeftovers(result)}`,
      );
      return;
    }
    await this.registry.reportStatus(
      slug,
      'deleted',
      `deleted; removed ${removed.length} resource${
        removed.length === 1 ? '' : 's'
      }`,
    );
  }
}
