import {
  PostgresDatabasesConfig,
  SqliteDatabasesConfig,
} from '@internal/backend-databases/config';
import { EcsDeployTargetConfig } from '@internal/backend-deploy-targets/config';

export interface Config {
  tenantScaffolder?: {
    /**
     * The version new tenants start on when the template names none; fleet
     * upgrades move tenants on from there. Default `1.0.0`.
     */
    newTenantVersion?: string;
    /** Where publish:local-git creates repositories. Default `repositories` next to `dataDir`. */
    repositoriesDir?: string;
    /** Where the local drivers keep tenants' databases, folders and zone file. Default `data/tenants`. */
    dataDir?: string;
    provisioning?: {
      /** SQL loaded into every new tenant database. */
      seedSqlFile?: string;
      /** Folder copied into every new tenant's storage. Default `<dataDir>/assets`. */
      assetsDir?: string;
      /** Default: a SQLite file per tenant under `<dataDir>/databases`. */
      database?:
        | SqliteDatabasesConfig
        | (PostgresDatabasesConfig & {
            /** Host tenants connect to, when not the admin connection's. */
            tenantHost?: string;
          });
      /** Default: a folder per tenant under `<dataDir>/storage`. */
      storage?:
        | { type: 'local'; directory?: string }
        | {
            type: 's3';
            bucket: string;
            region: string;
            /** Default `tenants/`. */
            prefixRoot?: string;
            endpoint?: string;
            forcePathStyle?: boolean;
          };
      /**
       * Each tenant's service, run through the deploy target review
       * environments use, as the environment `tenant-<slug>` with
       * `TENANT_SLUG`, `TENANT_CONFIG_FILE` and `TENANT_VERSION` set: a local
       * process per tenant (the default), started from a git worktree of
       * `repository` at `ref`, listening on `$PORT`; or, with `target: ecs`,
       * an ECS service per tenant running `<ecs.imageRepository>:<the
       * tenant's version>`.
       */
      deploy?: {
        /** Where tenants' services run. Default `local`. */
        target?: 'local' | 'ecs';
        /** Local target: a local git repository; default the backend's working directory. */
        repository?: string;
        /** Local target: the git ref every tenant runs. Default `HEAD`. */
        ref?: string;
        /** Local target. Default `node examples/tenant-app/server.js`. */
        command?: string;
        /** Local target. Default `/health`. */
        healthPath?: string;
        /** Local target. Default 60. */
        healthTimeoutSeconds?: number;
        /** Local target. Default `<dataDir>/services`. */
        workDir?: string;
        /**
         * The AWS ECS target (`@internal/backend-deploy-targets`): a service
         * per tenant, a task definition revision per deploy and upgrade. The
         * environment id in `urlTemplate` is `tenant-<slug>`; `healthPath`
         * defaults to `/health`.
         */
        ecs?: EcsDeployTargetConfig & {
          /**
           * The tenant app's image repository, e.g.
           * `123456789012.dkr.ecr.eu-west-1.amazonaws.com/tenant-app`; each
           * tenant runs the image tagged with its version.
           */
          imageRepository: string;
        };
      };
      /** Where each tenant's config files are rendered: `<directory>/<slug>/config.yml`, `nginx.conf`. */
      config?: {
        /** Default `<dataDir>/config`. */
        directory?: string;
        /** `{{ slug }}`, `{{ production_host }}`, `{{ staging_host }}`, `{{ version }}`; default the module's `assets/nginx.conf.template`. */
        nginxTemplateFile?: string;
      };
      /**
       * The tenant's CI job `tenant-<slug>`, deploying it to the environment
       * `tenant-<slug>`. Default: a GitHub Actions workflow file
       * `<dataDir>/ci/tenant-<slug>.yml`.
       */
      ci?:
        | {
            type: 'local';
            /** Default `<dataDir>/ci`. */
            directory?: string;
          }
        | {
            /** `.github/workflows/tenant-<slug>.yml` committed to `repository`. */
            type: 'github';
            /** `owner/repo`. */
            repository: string;
            /** Default `main`. */
            branch?: string;
            /**
             * A token that may write the repository's contents and workflows.
             * @visibility secret
             */
            token: string;
            /** For GitHub Enterprise Server; default `https://api.github.com`. */
            apiBaseUrl?: string;
          }
        | {
            /** A pipeline job created through Jenkins' REST API. */
            type: 'jenkins';
            baseUrl: string;
            username: string;
            /** @visibility secret */
            apiToken: string;
            /** The job's `config.xml` with `{{ slug }}`, `{{ name }}`, `{{ environment }}`, `{{ host }}`; default the module's `assets/jenkins-job.xml.template`. */
            templateFile?: string;
          };
      /** Default: a zone file `<dataDir>/clients.zone` for `clients.localhost`. */
      dns?: {
        type: 'zone-file' | 'cloudflare';
        /** Tenants get `<slug>.<domain>` and `<slug>.staging.<domain>`. */
        domain?: string;
        targets?: { production?: string; staging?: string };
        zoneFile?: string;
        zoneId?: string;
        /** @visibility secret */
        apiToken?: string;
        /** Cloudflare's API; default `https://api.cloudflare.com/client/v4`. */
        apiBaseUrl?: string;
      };
    };
  };
}
