import {
  RegisteredTenant,
  TenantListQuery,
  tenantStatusProblem,
} from '@internal/plugin-tenant-scaffolder-common';
import { TenantStore } from '../../database/TenantStore';
import { toRegistered } from '../registeredTenant';
import { TenantInputError } from '../TenantInputError';

export class ListTenantsModel {
  constructor(private readonly tenants: TenantStore) {}

  /** By slug; a status that is none of a tenant's answers 400 naming `status`. */
  async listTenants(query: {
    status?: string;
    plan?: TenantListQuery['plan'];
  }): Promise<RegisteredTenant[]> {
    const problem = query.status && tenantStatusProblem(query.status);
    if (problem) {
      throw new TenantInputError('query', [
        { field: 'status', message: problem },
      ]);
    }
    const tenants = await this.tenants.list(query as TenantListQuery);
    return tenants.map(toRegistered);
  }
}
