import {
  FleetUpgradeDetails,
  FleetUpgradeTenant,
  TenantLedgerEntry,
} from '@internal/plugin-tenant-scaffolder-common';
import { tenantRegistration } from '@internal/plugin-tenant-scaffolder-common/testUtils';
import { TenantDetails, TenantHistoryEntry } from '../api/TenantScaffolderApi';

/** Acme on a trial, ready, with platform mail, as the registry answers for it. */
export function tenant(overrides: Partial<TenantDetails> = {}): TenantDetails {
  return {
    ...tenantRegistration({
      owner: 'group:default/customer-success',
      version: '2.3.0',
    }),
    status: 'ready',
    createdAt: '2026-03-02T09:00:00.000Z',
    updatedAt: '2026-03-24T11:30:00.000Z',
    revision: 3,
    ledger: { live: 2, removed: 0 },
    ...overrides,
  };
}

export function historyEntry(
  overrides: Partial<TenantHistoryEntry> = {},
): TenantHistoryEntry {
  return {
    id: 1,
    at: '2026-03-02T09:00:00.000Z',
    actor: 'user:default/ada',
    action: 'created',
    detail: null,
    ...overrides,
  };
}

export function ledgerEntry(
  overrides: Partial<TenantLedgerEntry> = {},
): TenantLedgerEntry {
  return {
    id: 1,
    slug: 'acme',
    step: 'database',
    resourceType: 'postgres-database',
    resourceId: 'tenant_acme',
    details: { host: 'db.internal' },
    createdAt: '2026-03-02T09:01:00.000Z',
    removedAt: null,
    ...overrides,
  };
}

export function fleetTenant(
  overrides: Partial<FleetUpgradeTenant> = {},
): FleetUpgradeTenant {
  return {
    slug: 'acme',
    wave: 0,
    status: 'succeeded',
    fromVersion: '2.3.0',
    attempts: 1,
    error: null,
    startedAt: '2026-03-24T10:00:00.000Z',
    finishedAt: '2026-03-24T10:02:00.000Z',
    ...overrides,
  };
}

/** 2.4.0 rolling to four tenants: wave 2 of 3 running, one failed. */
export function fleetUpgrade(
  overrides: Partial<FleetUpgradeDetails> = {},
): FleetUpgradeDetails {
  return {
    id: 7,
    version: '2.4.0',
    status: 'running',
    reason: null,
    options: {
      concurrency: 8,
      maxFailureShare: 0.2,
      firstWaveSize: 5,
      maxWaveSize: 50,
    },
    currentWave: 1,
    waveCount: 3,
    counts: {
      total: 4,
      pending: 1,
      running: 1,
      succeeded: 1,
      failed: 1,
      skipped: 0,
    },
    createdBy: 'user:default/ada',
    createdAt: '2026-03-24T10:00:00.000Z',
    updatedAt: '2026-03-24T10:05:00.000Z',
    finishedAt: null,
    soakingUntil: null,
    tenants: [
      fleetTenant(),
      fleetTenant({
        slug: 'globex',
        wave: 1,
        status: 'failed',
        error: 'health check timed out',
      }),
      fleetTenant({
        slug: 'initech',
        wave: 1,
        status: 'running',
        finishedAt: null,
      }),
      fleetTenant({
        slug: 'umbrella',
        wave: 2,
        status: 'pending',
        attempts: 0,
        startedAt: null,
        finishedAt: null,
      }),
    ],
    ...overrides,
  };
}
