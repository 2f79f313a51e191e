/** What the fake ECS keeps, in the shape its JSON answers have. */

export type Tag = { key: string; value: string };

export type FakeDeployment = {
  id: string;
  status: 'PRIMARY' | 'ACTIVE';
  taskDefinition: string;
  desiredCount: number;
  runningCount: number;
  rolloutState: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
  rolloutStateReason?: string;
  createdAt: number;
  ticks: number;
};

export type FakeService = {
  serviceArn: string;
  serviceName: string;
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
  taskDefinition: string;
  desiredCount: number;
  runningCount: number;
  deployments: FakeDeployment[];
  events: Array<{ id: string; createdAt: number; message: string }>;
  tags: Tag[];
  clientToken?: string;
  createdAt: number;
  drainTicks: number;
};

export type FakeTaskDefinition = {
  taskDefinitionArn: string;
  family: string;
  revision: number;
  status: 'ACTIVE' | 'INACTIVE';
  image: string;
  body: Record<string, unknown>;
};

/** How the fake's services behave; tests change it between calls. */
export interface FakeEcsBehaviour {
  /** Images whose tasks never start: the circuit breaker rolls them back. */
  readonly crashingImages: Set<string>;
  /** Images whose tasks run but fail the URL check. */
  readonly unhealthyImages: Set<string>;
  /** DescribeServices calls a rollout takes. */
  ticksPerRollout: number;
  /** DescribeServices calls a deleted service stays DRAINING. */
  ticksToDrain: number;
}

/** An error answer: its `__type`, message and HTTP status. */
export class EcsError extends Error {
  constructor(readonly type: string, message: string, readonly status = 400) {
    super(message);
  }
}

export const ACCOUNT = '123456789012';
export const REGION = 'eu-west-1';

/** A service as ECS answers with it, without the fake's bookkeeping. */
export function present(service: FakeService) {
  const {
    clientToken: _token,
    drainTicks: _ticks,
    deployments,
    ...rest
  } = service;
  return {
    ...rest,
    deployments: deployments.map(({ ticks: _t, ...deployment }) => deployment),
  };
}
