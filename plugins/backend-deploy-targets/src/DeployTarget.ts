/**
 * Where review environments (and tenants' services) run: AWS ECS, or local
 * processes on a developer machine. Deploys are immutable: a new version is
 * started next to the old one and only replaces it once its health check
 * answers 200; a failed deploy leaves the previous version serving.
 */
export interface DeployTarget {
  /** `local`, `ecs`, ... */
  readonly type: string;

  /**
   * Starts `request.source` as the new version of the environment, waits
   * until it is healthy, then retires the previous version.
   * Throws {@link DeployFailedError} when the new version never gets healthy.
   */
  deploy(request: DeployRequest, log?: DeployLog): Promise<Deployment>;

  /** Stops the environment and removes everything the target made for it. Idempotent. */
  teardown(environmentId: string, log?: DeployLog): Promise<void>;

  /** The environment's current deployment, if any. */
  get(environmentId: string): Promise<Deployment | undefined>;

  /** Every environment this target runs, including ones nobody knows of any more (orphans). */
  list(): Promise<Deployment[]>;

  /** The last lines the environment's current version printed. */
  logs(environmentId: string, maxLines?: number): Promise<string[]>;

  /**
   * After a restart of the portal: re-attaches to what still runs and removes
   * what does not, so nothing is leaked.
   */
  recover(): Promise<{ adopted: Deployment[]; reaped: string[] }>;
}

export type DeployRequest = {
  /** Stable id of the environment, e.g. `review-org-repo-pr-42`; lower-case letters, digits, dashes. */
  environmentId: string;
  source: {
    /** For the local target: a path to a git repository; for ECS: the image repository. */
    repository: string;
    /** Branch, tag or commit SHA (ECS: the image tag). */
    ref: string;
  };
  /** Extra environment variables for the new version. */
  env?: Record<string, string>;
};

export type Deployment = {
  environmentId: string;
  /** The exact version running: a commit SHA or an image tag. */
  version: string;
  /** Where it answers. */
  url: string;
  /** ISO 8601 */
  startedAt: string;
  /** Target-specific details (pid and port, ECS service ARN, ...). */
  details: Record<string, string | number>;
};

/** Receives progress lines during deploys and teardowns. */
export type DeployLog = (line: string) => void;

/** A deploy whose new version did not become healthy; the previous one is untouched. */
export class DeployFailedError extends Error {
  readonly name = 'DeployFailedError';

  constructor(
    message: string,
    /** The last lines the failed version printed. */
    readonly output: string[] = [],
  ) {
    super(message);
  }
}
