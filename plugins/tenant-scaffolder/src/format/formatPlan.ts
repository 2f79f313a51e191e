import { TenantPlan } from '@internal/plugin-tenant-scaffolder-common';

/** `Trial until 2027-01-31` or `Paid`. */
export function formatPlan(plan: TenantPlan): string {
  return plan.kind === 'trial' ? `Trial until ${plan.endsOn}` : 'Paid';
}
