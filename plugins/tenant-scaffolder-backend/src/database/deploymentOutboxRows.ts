import { ReleaseWatchEvent } from '@internal/plugin-release-watch-common';

/** Deployments waiting to be taken by Release Watch (the outbox). */
export const DEPLOYMENT_OUTBOX = 'tenant_deployment_outbox';

export type DeploymentOutboxRow = {
  id: number | string;
  event_id: string;
  slug: string;
  event: string;
  queued_at_ms: number | string;
};

export type QueuedDeployment = {
  id: number;
  slug: string;
  event: ReleaseWatchEvent;
};
