import { LoggerService } from '@backstage/backend-plugin-api';
import { RecordResource } from '../provisioning/LedgerResource';
import { TenantRegistryApi } from '../registry/TenantRegistryClient';
import {
  TenantRollback,
  describeLeftovers,
  leftAnything,
} from './TenantRollback';

export type ProvisioningStep<T> = {
  registry: TenantRegistryApi;
  rollback: TenantRollback;
  logger: LoggerService;
  slug: string;
  /** Names the step in the ledger: `database`, `storage`, `dns`. */
  step: string;
  run: (record: RecordResource) => Promise<T>;
};

/**
 * Runs one provisioning step. Its resources enter the tenant's ledger as
 * they are made; when it fails, everything the ledger holds for the tenant
 * (this step's and the earlier steps') is undone newest first, and the
 * tenant ends `failed`, or `needs-cleanup` naming what is left. The error
 * is then thrown on, so the scaffolder task fails at this step.
 */
export async function runProvisioningStep<T>(
  options: ProvisioningStep<T>,
): Promise<T> {
  const { registry, rollback, logger, slug, step } = options;
  const record: RecordResource = async resource => {
    await registry.recordResource(slug, {
      step,
      resourceType: resource.type,
      resourceId: resource.id,
      details: resource.details ?? {},
    });
  };
  try {
    return await options.run(record);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    logger.error(`Step ${step} failed for tenant ${slug}: ${reason}`);
    logger.info(`Rolling back tenant ${slug}, newest resource first`);
    const result = await rollback.undo(slug, message => logger.info(message));
    if (!leftAnything(result)) {
      await registry.reportStatus(
        slug,
        'failed',
        `${step} failed: ${reason}; rolled back ${result.removed.length} resource(s)`,
      );
    } else {
      await registry.reportStatus(
        slug,
        'needs-cleanup',
        `${step} failed: ${reason}; ${describeLeftovers(result)}`,
      );
    }
    throw error;
  }
}
