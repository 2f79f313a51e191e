import {
  PostgresDatabasesConfig,
  SqliteDatabasesConfig,
} from '@internal/backend-databases/config';
import { EcsDeployTargetConfig } from '@internal/backend-deploy-targets/config';

export interface Config {
  reviewEnvs?: {
    /** The pull request label that asks for a review environment. Default `review`. */
    reviewLabel?: string;
    /** The label that pins an environment: it never expires. Default `keep`. */
    keepLabel?: string;
    /** Hours from the last activity (push, deploy, extend) until teardown. Default 48. */
    timeToLiveHours?: number;
    /** The longest extension at a time, in hours. Default 168. */
    maxExtendHours?: number;
    /** GitHub repositories whose open pull requests are reconciled (webhooks can be lost). */
    github?: {
      /** `owner/name` of each repository. */
      repositories?: string[];
      /**
       * The GitHub integration's host. Default `github.com`. Links to pull
       * requests in the portal use it too; when it is not set, they use the
       * host of the only `integrations.github` entry, else `github.com`.
       */
      host?: string;
      /** Minutes between polls. Default 5. */
      reconcileMinutes?: number;
    };
    /** Where review environments run: local processes (the default) or AWS ECS. */
    target?: 'local' | 'ecs';
    /**
     * The AWS ECS deploy target (`@internal/backend-deploy-targets`): a
     * service per environment, a task definition revision per deploy.
     */
    ecs?: EcsDeployTargetConfig & {
      /** The image repository of each pull request repository; CI pushes images tagged with the commit SHA. */
      repositories?: Array<{
        /** `owner/name` as pull requests name it. */
        name: string;
        /** e.g. `123456789012.dkr.ecr.eu-west-1.amazonaws.com/web`. */
        image: string;
      }>;
    };
    /**
     * Each environment's own database, made on its first deploy, given to it
     * as `DATABASE_URL` and dropped at its teardown. Default: a SQLite file
     * `<local.workDir>/databases/<id>.sqlite`; on ECS only with
     * `type: postgres` (a database and role `review_<id>`).
     */
    database?: (
      | SqliteDatabasesConfig
      | (PostgresDatabasesConfig & {
          /** Host environments connect to, when not the admin connection's. */
          environmentHost?: string;
        })
    ) & {
      /**
       * SQL loaded into every new environment database. Default the tenants'
       * (`tenantScaffolder.provisioning.seedSqlFile`), else none.
       */
      seedSqlFile?: string;
    };
    /**
     * Masked copies of a tenant's data into an environment's database
     * (`POST /environments/:id/seed`): which tables, and a rule for every
     * column of each. Without tables, copies are refused.
     */
    seed?: {
      /**
       * Keys the hashes and fake values (HMAC-SHA256): at least 16
       * characters. The same secret gives the same masked values. Default:
       * a random key the plugin makes once and keeps in its database.
       * @visibility secret
       */
      secret?: string;
      /** The tables copied, each after those it references. */
      tables?: Array<{
        /** A plain SQL identifier. */
        name: string;
        /** At most this many rows, in primary key order. */
        limit?: number;
        /** An SQL condition on the source table, e.g. `deleted_at IS NULL`. */
        where?: string;
        /**
         * A rule for every column: `keep`, `null`, `hash`, `fake-email`,
         * `fake-name`, `fake-phone` or `fixed:<value>`. A column of the
         * table without one refuses the copy.
         */
        columns: { [column: string]: string };
      }>;
    };
    /** The local-process deploy target. */
    local?: {
      /** Worktrees, logs and state. Default: a folder in the system temp dir. */
      workDir?: string;
      /** Shell command that starts the app from the worktree; it must listen on $PORT. Default `yarn start`. */
      command?: string;
      /** Path that must answer 200 before an environment is ready. Default `/`. */
      healthPath?: string;
      /** Default 60. */
      healthTimeoutSeconds?: number;
      /** Local git repositories for pull requests' repositories. */
      repositories?: Array<{
        /** `owner/name` as pull requests name it. */
        name: string;
        /** Path to the git repository. */
        path: string;
      }>;
    };
    /**
     * Shared environments whose use is guarded by an exclusive lock.
     * Defaults to one environment, `staging`.
     */
    sharedEnvironments?: Array<{
      /** Lower-case letters, digits and dashes, e.g. `staging`. */
      name: string;
      /** Shown in the portal; defaults to the name. */
      title?: string;
      /** Length of a claim when the claimant names none. Default 120. */
      defaultDurationMinutes?: number;
      /** The longest claim or extension allowed. Default 480. */
      maxDurationMinutes?: number;
      /**
       * Base branches whose pull requests deploy to this environment, e.g.
       * `[staging]`. Open pull requests into them in
       * `reviewEnvs.github.repositories` get the commit status
       * `portal/lock/<name>`: success while the lock is free or held by the
       * pull request's author, failure otherwise. Default: none, no statuses.
       */
      branches?: string[];
    }>;
  };
}
