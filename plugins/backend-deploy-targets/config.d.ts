// The configuration blocks of the targets. This package owns no key: each
// plugin that deploys through a target places the block under its own key
// in its config.d.ts, so the schema is written once and checked at each.

/**
 * The AWS ECS deploy target: a service per environment in `cluster`, a task
 * definition revision per deploy. Credentials come from the AWS integration
 * (`aws.mainAccount`, `aws.accounts`).
 */
export interface EcsDeployTargetConfig {
  /** e.g. `eu-west-1`. */
  region: string;
  /** Whose credentials to use from `aws.accounts`; default the main account. */
  accountId?: string;
  /** An ECS-compatible endpoint instead of the region's (LocalStack, moto). */
  endpoint?: string;
  cluster: string;
  /**
   * Where an environment answers, with `{environmentId}` replaced, e.g.
   * `https://{environmentId}.review.example.com` (routed by a load balancer
   * or service discovery you run).
   */
  urlTemplate: string;
  /**
   * Path that must answer 200 at the URL before a version is ready.
   * Default `/`, unless the plugin reading the block names another.
   */
  healthPath?: string;
  /** Default 120. */
  healthTimeoutSeconds?: number;
  /** How long a rollout may take to reach a steady state. Default 15. */
  steadyStateTimeoutMinutes?: number;
  container: {
    /** Default `app`. */
    name?: string;
    /** The port the image listens on. */
    port: number;
    /** Fargate task CPU units, e.g. `256`. */
    cpu: string;
    /** Fargate task memory in MiB, e.g. `512`. */
    memory: string;
    executionRoleArn?: string;
    taskRoleArn?: string;
    /** CloudWatch Logs group for the container's output (the awslogs driver; the stream prefix is the environment id). */
    logGroup?: string;
  };
  network: {
    subnets: string[];
    securityGroups: string[];
    /** Default false. */
    assignPublicIp?: boolean;
  };
}
