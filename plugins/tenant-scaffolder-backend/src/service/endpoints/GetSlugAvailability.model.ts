import {
  SlugAvailability,
  tenantSlugProblem,
} from '@internal/plugin-tenant-scaffolder-common';
import { TenantStore } from '../../database/TenantStore';

export class GetSlugAvailabilityModel {
  constructor(private readonly tenants: TenantStore) {}

  /** For the wizard, while the slug is typed: one primary-key lookup at most. */
  async getSlugAvailability(slug: string): Promise<SlugAvailability> {
    const problem = tenantSlugProblem(slug);
    if (problem) return { slug, available: false, problem };
    if (await this.tenants.isSlugTaken(slug)) {
      return { slug, available: false, problem: 'is taken' };
    }
    return { slug, available: true };
  }
}
