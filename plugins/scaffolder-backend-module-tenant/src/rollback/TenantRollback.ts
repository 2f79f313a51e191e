import { LedgerResource } from '../provisioning/LedgerResource';
import {
  LedgerEntry,
  TenantRegistryApi,
} from '../registry/TenantRegistryClient';

/** Anything that removes the ledger resources of the types it names: every provisioning driver. */
export type ResourceRemover = {
  readonly resourceTypes: string[];
  remove(resource: LedgerResource): Promise<void>;
};

export type RollbackResult = {
  removed: LedgerEntry[];
  /** What could not be removed, with why: the tenant needs cleanup. */
  leftovers: Array<{ entry: LedgerEntry; error: string }>;
};

/**
 * Undoes what provisioning made for a tenant: every live resource in its
 * ledger, newest first, each by the driver of its type. The ledger is the
 * whole truth, so nothing the portal did not make is touched. An undo that
 * fails is reported and the rest go on.
 */
export class TenantRollback {
  private readonly removers = new Map<string, ResourceRemover>();

  constructor(
    private readonly registry: TenantRegistryApi,
    removers: ResourceRemover[],
  ) {
    for (const remover of removers) {
      for (const type of remover.resourceTypes)
        this.removers.set(type, remover);
    }
  }

  /** Undoes every live resource of the tenant. */
  async undo(
    slug: string,
    log: (message: string) => void,
  ): Promise<RollbackResult> {
    return this.remove(slug, await this.registry.liveResources(slug), log);
  }

  /** Undoes the live resources one step made; throws if any is left. */
  async undoStep(
    slug: string,
    step: string,
    log: (message: string) => void,
  ): Promise<void> {
    const live = await this.registry.liveResources(slug);
    const { leftovers } = await this.remove(
      slug,
      live.filter(entry => entry.step === step),
      log,
    );
    if (leftovers.length > 0) {
      throw new Error(
        `could not remove what an earlier attempt at ${step} made: ${leftovers
          .map(({ error }) => error)
          .join('; ')}`,
      );
    }
  }

  private async remove(
    slug: string,
    live: LedgerEntry[],
    log: (message: string) => void,
  ): Promise<RollbackResult> {
    const result: RollbackResult = { removed: [], leftovers: [] };
    for (const entry of [...live].reverse()) {
      const what = `${entry.resourceType} ${entry.resourceId}`;
      try {
        const remover = this.removers.get(entry.resourceType);
        if (!remover) {
          throw new Error(`no driver removes ${entry.resourceType} here`);
        }
        await remover.remove({
          type: entry.resourceType,
          id: entry.resourceId,
          details: entry.details as Record<string, string>,
        });
        await this.registry.markRemoved(slug, entry.id);
        result.removed.push(entry);
        log(`Undone: ${what}`);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        result.leftovers.push({ entry, error: message });
        log(`Could not undo ${what}: ${message}`);
      }
    }
    return result;
  }
}
