import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
  StatusWarning,
} from '@backstage/core-components';
import {
  FleetUpgradeStatus,
  FleetUpgradeTenantStatus,
  TenantStatus,
} from '@internal/plugin-tenant-scaffolder-common';
import { ComponentType, PropsWithChildren } from 'react';

type Indicator = ComponentType<PropsWithChildren<{}>>;

// Records, so that the compiler asks for every status the types gain.
const TENANT: Record<TenantStatus, Indicator> = {
  provisioning: StatusRunning,
  ready: StatusOK,
  failed: StatusError,
  'needs-cleanup': StatusWarning,
  upgrading: StatusRunning,
  deleting: StatusPending,
  deleted: StatusAborted,
};

const FLEET: Record<FleetUpgradeStatus, Indicator> = {
  running: StatusRunning,
  paused: StatusWarning,
  completed: StatusOK,
  cancelled: StatusAborted,
};

const FLEET_TENANT: Record<FleetUpgradeTenantStatus, Indicator> = {
  pending: StatusPending,
  running: StatusRunning,
  succeeded: StatusOK,
  failed: StatusError,
  skipped: StatusAborted,
};

/** A tenant's status with its colour: `ready`, `needs-cleanup`, ... */
export const TenantStatusChip = ({ status }: { status: TenantStatus }) => {
  const Status = TENANT[status] ?? StatusPending;
  return <Status>{status}</Status>;
};

export const FleetUpgradeStatusChip = ({
  status,
}: {
  status: FleetUpgradeStatus;
}) => {
  const Status = FLEET[status] ?? StatusPending;
  return <Status>{status}</Status>;
};

export const FleetUpgradeTenantStatusChip = ({
  status,
}: {
  status: FleetUpgradeTenantStatus;
}) => {
  const Status = FLEET_TENANT[status] ?? StatusPending;
  return <Status>{status}</Status>;
};
