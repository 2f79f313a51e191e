import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { okJson } from '@internal/openapi-client';
import {
  LockExtendRequest,
  LockReleaseRequest,
  LockRequest,
  ReviewEnvsApiClient,
} from '@internal/plugin-review-envs-common';
import { ReviewEnvsApi } from './ReviewEnvsApi';

/**
 * {@link ReviewEnvsApi} over the backend's generated client; a failed call
 * throws the ResponseError that the backend's error body describes.
 */
export class ReviewEnvsClient implements ReviewEnvsApi {
  private readonly client: ReviewEnvsApiClient;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.client = new ReviewEnvsApiClient(options);
  }

  async listEnvironments() {
    return (await okJson(this.client.listEnvironments({}))).items;
  }

  async environmentHistory(id: string) {
    return (await okJson(this.client.getEnvironmentHistory({ path: { id } })))
      .items;
  }

  environmentLogs(id: string) {
    return okJson(this.client.getEnvironmentLogs({ path: { id } }));
  }

  redeployEnvironment(id: string) {
    return okJson(this.client.redeployEnvironment({ path: { id } }));
  }

  extendEnvironment(id: string, hours?: number) {
    return okJson(
      this.client.extendEnvironment({ path: { id }, body: { hours } }),
    );
  }

  teardownEnvironment(id: string) {
    return okJson(this.client.teardownEnvironment({ path: { id } }));
  }

  seedEnvironment(id: string, tenant: string) {
    return okJson(
      this.client.seedEnvironment({ path: { id }, body: { tenant } }),
    );
  }

  async environmentSeeds(id: string) {
    return (await okJson(this.client.listEnvironmentSeeds({ path: { id } })))
      .items;
  }

  async listLocks() {
    return (await okJson(this.client.listLocks({}))).items;
  }

  claimLock(name: string, request: LockRequest) {
    return okJson(this.client.claimLock({ path: { name }, body: request }));
  }

  extendLock(name: string, request: LockExtendRequest) {
    return okJson(this.client.extendLock({ path: { name }, body: request }));
  }

  releaseLock(name: string, request: LockReleaseRequest) {
    return okJson(this.client.releaseLock({ path: { name }, body: request }));
  }

  forceReleaseLock(name: string) {
    return okJson(this.client.forceReleaseLock({ path: { name } }));
  }

  joinLockQueue(name: string, request: LockRequest) {
    return okJson(this.client.joinLockQueue({ path: { name }, body: request }));
  }

  leaveLockQueue(name: string) {
    return okJson(this.client.leaveLockQueue({ path: { name } }));
  }

  async lockHistory(name: string) {
    return (await okJson(this.client.getLockHistory({ path: { name } }))).items;
  }
}
