import { LedgerResource } from '../provisioning/LedgerResource';
import { ForeignResourceError } from '../provisioning/ownership';
import {
  LedgerEntry,
  TenantRegistryApi,
} from '../registry/TenantRegistryClient';

/**
 * Anything that removes the ledger resources of the types it names: every
 * provisioning driver. It removes only what it makes for `slug`, derived from
 * the slug and its own configuration, and refuses (ForeignResourceError)
 * an entry naming anything else.
 */
export type ResourceRemover = {
  readonly resourceTypes: string[];
  remove(slug: string, resource: LedgerResource): Promise<void>;
};

export type RollbackResult = {
  removed: LedgerEntry[];
  /** What could not be removed, with why: the tenant needs cleanup. */
  leftovers: Array<{ entry: LedgerEntry; error: string }>;
  /** Entries naming what the portal does not make for the tenant: never removed, the tenant needs cleanup. */
  refused: Array<{ entry: LedgerEntry; error: string }>;
};

/** Whether a rollback left anything live: the tenant then needs cleanup. */
export function leftAnything(result: RollbackResult): boolean {
  return result.leftovers.length + result.refused.length > 0;
}

/** The entries a rollback left live, refused ones first, as one line for a tenant's history. */
export function describeLeftovers(result: RollbackResult): string {
  const parts: string[] = [];
  if (result.refused.length > 0) {
    parts.push(
      `refused to remove ${result.refused.length} ledger ${
        result.refused.length === 1 ? 'entry' : 'entries'
      } naming what the portal does not make for this tenant: ${result.refused
        .map(({ entry }) => `${entry.resourceType} ${entry.resourceId}`)
        .join(', ')}`,
    );
  }
  if (result.leftovers.length > 0) {
    parts.push(
      `left to clean up: ${result.leftovers
        .map(
          ({ entry, error }) =>
            `${entry.resourceType} ${entry.resourceId} (${error})`,
        )
        .join('; ')}`,
    );
  }
  return parts.join('; ');
}

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
    const result = await this.remove(
      slug,
      live.filter(entry => entry.step === step),
      log,
    );
    if (leftAnything(result)) {
      throw new Error(
        `could not undo an earlier attempt at ${step}: ${describeLeftovers(
          result,
        )}`,
      );
    }
  }

  private async remove(
    slug: string,
    live: LedgerEntry[],
    log: (message: string) => void,
  ): Promise<RollbackResult> {
    const result: RollbackResult = { removed: [], leftovers: [], refused: [] };
    for (const entry of [...live].reverse()) {
      const what = `${entry.resourceType} ${entry.resourceId}`;
      try {
        const remover = this.removers.get(entry.resourceType);
        if (!remover) {
          throw new ForeignResourceError(
            `no driver here makes ${entry.resourceType} resources`,
          );
        }
        await remover.remove(slug, {
          type: entry.resourceType,
          id: entry.resourceId,
          details: entry.details as Record<string, string>,
        });
        await this.registry.markRemoved(slug, entry.id);
        result.removed.push(entry);
        log(`Undone: ${what}`);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (error instanceof ForeignResourceError) {
          result.refused.push({ entry, error: message });
          log(`Refused to remove ${what}: ${message}`);
          await this.registry
            .markRefused(slug, entry.id, message)
            .catch(noted =>
              log(`Could not note the refusal in the history: ${noted}`),
            );
        } else {
          result.leftovers.push({ entry, error: message });
          log(`Could not undo ${what}: ${message}`);
        }
      }
    }
    return result;
  }
}
