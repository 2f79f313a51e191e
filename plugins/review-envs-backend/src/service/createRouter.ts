import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { createApiRouter } from '@internal/backend-plugin-utils';
import express from 'express';
import { ReviewEnvironments } from '../environments/ReviewEnvironments';
import { SharedEnvironmentLocks } from '../locks/SharedEnvironmentLocks';
import { EnvironmentSeeds } from '../seed/EnvironmentSeeds';
import { createOpenApiRouter, spec } from '../schema/openapi/generated';
import { CheckLockModel } from './endpoints/CheckLock.model';
import { bindCheckLockEndpoint } from './endpoints/CheckLock.router';
import { bindClaimLockEndpoint } from './endpoints/ClaimLock.router';
import { bindExtendEnvironmentEndpoint } from './endpoints/ExtendEnvironment.router';
import { bindExtendLockEndpoint } from './endpoints/ExtendLock.router';
import { ForceReleaseLockModel } from './endpoints/ForceReleaseLock.model';
import { bindForceReleaseLockEndpoint } from './endpoints/ForceReleaseLock.router';
import { bindGetEnvironmentEndpoint } from './endpoints/GetEnvironment.router';
import { bindGetEnvironmentHistoryEndpoint } from './endpoints/GetEnvironmentHistory.router';
import { bindGetEnvironmentLogsEndpoint } from './endpoints/GetEnvironmentLogs.router';
import { bindGetHealthEndpoint } from './endpoints/GetHealth.router';
import { bindGetLockEndpoint } from './endpoints/GetLock.router';
import { bindGetLockHistoryEndpoint } from './endpoints/GetLockHistory.router';
import { bindJoinLockQueueEndpoint } from './endpoints/JoinLockQueue.router';
import { bindLeaveLockQueueEndpoint } from './endpoints/LeaveLockQueue.router';
import { bindListEnvironmentSeedsEndpoint } from './endpoints/ListEnvironmentSeeds.router';
import { bindListEnvironmentsEndpoint } from './endpoints/ListEnvironments.router';
import { bindListLocksEndpoint } from './endpoints/ListLocks.router';
import { bindRedeployEnvironmentEndpoint } from './endpoints/RedeployEnvironment.router';
import { bindReleaseLockEndpoint } from './endpoints/ReleaseLock.router';
import { ReportPullRequestModel } from './endpoints/ReportPullRequest.model';
import { bindReportPullRequestEndpoint } from './endpoints/ReportPullRequest.router';
import { SeedEnvironmentModel } from './endpoints/SeedEnvironment.model';
import { bindSeedEnvironmentEndpoint } from './endpoints/SeedEnvironment.router';
import { TeardownEnvironmentModel } from './endpoints/TeardownEnvironment.model';
import { bindTeardownEnvironmentEndpoint } from './endpoints/TeardownEnvironment.router';

/**
 * The plugin's REST API, src/schema/openapi.yaml: each operation's callers
 * checked and its request validated before its endpoint runs.
 */
export function createRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  locks: SharedEnvironmentLocks;
  environments: ReviewEnvironments;
  /** Undefined where environments have no database of their own. */
  seeds?: EnvironmentSeeds;
}): express.Router {
  const { httpAuth, permissions, locks, environments, seeds } = options;
  const router = createApiRouter({ spec, createOpenApiRouter, httpAuth });

  bindGetHealthEndpoint(router);

  bindListLocksEndpoint(router, locks);
  bindGetLockEndpoint(router, locks);
  bindGetLockHistoryEndpoint(router, locks);
  bindCheckLockEndpoint(router, new CheckLockModel(locks));
  bindClaimLockEndpoint(router, locks);
  bindExtendLockEndpoint(router, locks);
  bindReleaseLockEndpoint(router, locks);
  bindForceReleaseLockEndpoint(
    router,
    new ForceReleaseLockModel({ permissions, locks }),
  );
  bindJoinLockQueueEndpoint(router, locks);
  bindLeaveLockQueueEndpoint(router, locks);

  bindListEnvironmentsEndpoint(router, environments);
  bindGetEnvironmentEndpoint(router, environments);
  bindGetEnvironmentHistoryEndpoint(router, environments);
  bindGetEnvironmentLogsEndpoint(router, environments);
  bindExtendEnvironmentEndpoint(router, environments);
  bindRedeployEnvironmentEndpoint(router, environments);
  bindTeardownEnvironmentEndpoint(
    router,
    new TeardownEnvironmentModel({ permissions, environments }),
  );
  bindSeedEnvironmentEndpoint(
    router,
    new SeedEnvironmentModel({ permissions, environments, seeds }),
  );
  bindListEnvironmentSeedsEndpoint(router, environments, seeds);
  bindReportPullRequestEndpoint(
    router,
    new ReportPullRequestModel(environments),
  );

  return router;
}
