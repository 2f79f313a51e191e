import { useApi } from '@backstage/frontend-plugin-api';
import {
  FleetUpgradeDetails,
  FleetUpgradeRequest,
} from '@internal/plugin-tenant-scaffolder-common';
import { useCallback, useEffect, useRef, useState } from 'react';
import { tenantScaffolderApiRef } from '../api/TenantScaffolderApi';

export const FLEET_UPGRADE_POLL_MS = 2000;

/** Whether the upgrade still changes by itself: a wave runs, or a retried tenant does. */
export function isActive(upgrade: FleetUpgradeDetails | undefined): boolean {
  if (!upgrade) return false;
  if (upgrade.status === 'running') return true;
  return (
    upgrade.status !== 'cancelled' &&
    upgrade.tenants.some(tenant => tenant.status === 'running')
  );
}

/**
 * The newest fleet upgrade, polled every 2 s while it runs, and the actions
 * on it. Each action throws what the backend answered, for the caller to show.
 */
export function useFleetUpgrade() {
  const api = useApi(tenantScaffolderApiRef);
  const [upgrade, setUpgrade] = useState<FleetUpgradeDetails>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Error>();
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const refresh = useCallback(
    async (id: number) => {
      const details = await api.getFleetUpgrade(id);
      if (mounted.current) setUpgrade(details);
      return details;
    },
    [api],
  );

  // The newest upgrade, on load.
  useEffect(() => {
    let current = true;
    (async () => {
      try {
        const [newest] = await api.listFleetUpgrades();
        const details = newest
          ? await api.getFleetUpgrade(newest.id)
          : undefined;
        if (current) setUpgrade(details);
      } catch (e) {
        if (current) setError(e as Error);
      } finally {
        if (current) setLoading(false);
      }
    })();
    return () => {
      current = false;
    };
  }, [api]);

  // Poll while it runs. A failed poll keeps the last answer and tries again.
  const active = isActive(upgrade);
  const id = upgrade?.id;
  useEffect(() => {
    if (!active || id === undefined) return undefined;
    const timer = setTimeout(() => {
      refresh(id).catch(() => {
        if (mounted.current) {
          setUpgrade(previous => previous && { ...previous });
        }
      });
    }, FLEET_UPGRADE_POLL_MS);
    return () => clearTimeout(timer);
  }, [active, id, upgrade, refresh]);

  const start = useCallback(
    async (request: FleetUpgradeRequest) => {
      const started = await api.startFleetUpgrade(request);
      if (mounted.current) setUpgrade(started);
      return started;
    },
    [api],
  );

  const resume = useCallback(
    async (upgradeId: number) => {
      await api.resumeFleetUpgrade(upgradeId);
      return refresh(upgradeId);
    },
    [api, refresh],
  );

  const cancel = useCallback(
    async (upgradeId: number) => {
      await api.cancelFleetUpgrade(upgradeId);
      return refresh(upgradeId);
    },
    [api, refresh],
  );

  const retry = useCallback(
    async (upgradeId: number, slug: string) => {
      await api.retryFleetUpgradeTenant(upgradeId, slug);
      return refresh(upgradeId);
    },
    [api, refresh],
  );

  return { upgrade, loading, error, start, resume, cancel, retry };
}
