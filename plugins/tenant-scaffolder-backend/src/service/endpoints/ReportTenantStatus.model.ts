import {
  RegisteredTenant,
  TENANT_STATUSES,
  TenantStatus,
  tenantStatusProblem,
} from '@internal/plugin-tenant-scaffolder-common';
import { TenantStore } from '../../database/TenantStore';
import { toRegistered } from '../registeredTenant';
import { TenantInputError } from '../TenantInputError';

/** Deletion starts with `DELETE /tenants/{slug}` alone, behind its own permission. */
const REPORTABLE = TENANT_STATUSES.filter(status => status !== 'deleting');

export class ReportTenantStatusModel {
  constructor(private readonly tenants: TenantStore) {}

  /** What provisioning reports: `ready`, `failed`, ...; never `deleting`. */
  async reportTenantStatus(
    slug: string,
    report: { status: string; detail?: string },
    actor: string,
  ): Promise<RegisteredTenant> {
    const problem = tenantStatusProblem(report.status, REPORTABLE);
    if (problem) {
      throw new TenantInputError('body', [
        { field: 'status', message: problem },
      ]);
    }
    const status = report.status as TenantStatus;
    const { detail } = report;
    return toRegistered(
      await this.tenants.setStatus(slug, status, { actor, detail }),
    );
  }
}
