import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  LockGrant,
  LockHistoryEntry,
  ReviewEnvironment,
  ReviewEnvironmentEvent,
  SharedEnvironmentLock,
} from '@internal/plugin-review-envs-common';
import { ReviewEnvsApi } from './ReviewEnvsApi';

export class ReviewEnvsClient implements ReviewEnvsApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async listEnvironments(): Promise<ReviewEnvironment[]> {
    const { items } = await this.request<{ items: ReviewEnvironment[] }>(
      'GET',
      '/environments',
    );
    return items;
  }

  async environmentHistory(id: string): Promise<ReviewEnvironmentEvent[]> {
    const { items } = await this.request<{ items: ReviewEnvironmentEvent[] }>(
      'GET',
      `${environmentPath(id)}/history`,
    );
    return items;
  }

  environmentLogs(id: string) {
    return this.request<{ deploy: string[]; output: string[] }>(
      'GET',
      `${environmentPath(id)}/logs`,
    );
  }

  redeployEnvironment(id: string) {
    return this.request<ReviewEnvironment>(
      'POST',
      `${environmentPath(id)}/redeploy`,
    );
  }

  extendEnvironment(id: string, hours?: number) {
    return this.request<ReviewEnvironment>(
      'POST',
      `${environmentPath(id)}/extend`,
      {
        hours,
      },
    );
  }

  teardownEnvironment(id: string) {
    return this.request<ReviewEnvironment>('DELETE', environmentPath(id));
  }

  async listLocks(): Promise<SharedEnvironmentLock[]> {
    const { items } = await this.request<{ items: SharedEnvironmentLock[] }>(
      'GET',
      '/locks',
    );
    return items;
  }

  claimLock(
    name: string,
    request: { reason: string; durationMinutes?: number },
  ) {
    return this.request<LockGrant>('POST', `${lockPath(name)}/claim`, request);
  }

  extendLock(
    name: string,
    request: { fencingToken: number; durationMinutes?: number },
  ) {
    return this.request<LockGrant>('POST', `${lockPath(name)}/extend`, request);
  }

  releaseLock(name: string, request: { fencingToken: number }) {
    return this.request<SharedEnvironmentLock>(
      'POST',
      `${lockPath(name)}/release`,
      request,
    );
  }

  forceReleaseLock(name: string) {
    return this.request<SharedEnvironmentLock>(
      'POST',
      `${lockPath(name)}/force-release`,
    );
  }

  joinLockQueue(
    name: string,
    request: { reason: string; durationMinutes?: number },
  ) {
    return this.request<SharedEnvironmentLock>(
      'POST',
      `${lockPath(name)}/queue`,
      request,
    );
  }

  leaveLockQueue(name: string) {
    return this.request<SharedEnvironmentLock>(
      'DELETE',
      `${lockPath(name)}/queue`,
    );
  }

  async lockHistory(name: string): Promise<LockHistoryEntry[]> {
    const { items } = await this.request<{ items: LockHistoryEntry[] }>(
      'GET',
      `${lockPath(name)}/history`,
    );
    return items;
  }

  private async request<T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('review-envs');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      headers: body ? { 'Content-Type': 'application/json' } : undefined,
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

function environmentPath(id: string) {
  return `/environments/${encodeURIComponent(id)}`;
}

function lockPath(name: string) {
  return `/locks/${encodeURIComponent(name)}`;
}
