import {
  FieldProblem,
  TenantLedgerEntry,
} from '@internal/plugin-tenant-scaffolder-common';
import { NewLedgerEntry, TenantStore } from '../../database/TenantStore';
import { secretKeyIn } from '../secretKeys';
import { TenantInputError } from '../TenantInputError';

const MAX_DETAILS_LENGTH = 10_000;

export class RecordTenantResourceModel {
  constructor(private readonly tenants: TenantStore) {}

  /**
   * Records a resource; `recorded` is false when it was recorded and live
   * already. Details are answered to every reader, so none may hold what
   * looks like a secret.
   */
  async recordTenantResource(
    entry: NewLedgerEntry,
    actor: string,
  ): Promise<{ entry: TenantLedgerEntry; recorded: boolean }> {
    const problems = detailsProblems(entry.details);
    if (problems.length > 0) throw new TenantInputError('body', problems);
    return this.tenants.recordResource(entry, { actor });
  }
}

function detailsProblems(details: Record<string, unknown>): FieldProblem[] {
  const field = 'details';
  if (JSON.stringify(details).length > MAX_DETAILS_LENGTH) {
    const message = `must be at most ${MAX_DETAILS_LENGTH} characters of JSON`;
    return [{ field, message }];
  }
  const key = secretKeyIn(details);
  if (key) {
    return [
      { field, message: `must not hold secrets: '${key}' looks like one` },
    ];
  }
  return [];
}
