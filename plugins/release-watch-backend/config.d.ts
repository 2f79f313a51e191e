export interface Config {
  releaseWatch?: {
    /**
     * Groups of entities reported together. An entity joins the first group
     * one of whose tags it carries, else the first whose component types
     * include its `spec.type`. Default: `frontend` (tag `frontend` or type
     * `website`) and `backend` (tag `backend` or type `service`).
     */
    groups?: {
      [group: string]: {
        tags?: string[];
        types?: string[];
      };
    };
    /** Objectives charted against their targets. */
    okrs?: Array<{
      /** Stable id; default `<metric>-<position>`. */
      id?: string;
      title?: string;
      /**
       * `time_to_production` (hours), `ci_feedback` (minutes),
       * `deployment_frequency` (deploys per week), `lead_time` (hours),
       * `change_failure_rate` (%), `time_to_restore` (hours, failed
       * deployment recovery time), `deployment_rework_rate` (%), or
       * `metric:<name>` for a pushed metric sample series.
       */
      metric: string;
      /** Scope to one group; without `group` or `entityRef` the whole organisation. */
      group?: string;
      /** Scope to one catalog entity, e.g. `component:default/web`. */
      entityRef?: string;
      /** The unit of a `metric:<name>` series, e.g. `s`. */
      unit?: string;
      /** Where the metric stood at `startDate`, in the metric's unit. */
      baseline: number;
      /** Where it should be by `dueDate`. */
      target: number;
      /** `YYYY-MM-DD`. */
      startDate: string;
      /** `YYYY-MM-DD`. */
      dueDate: string;
      /** Default: true for durations and failure rate, false for deployment frequency. */
      lowerIsBetter?: boolean;
      /** Entity refs told by a notification when the objective goes off course. */
      owners?: string[];
    }>;
    /**
     * Local git repositories read as a source: tags matching `releaseTagPattern`
     * are releases, `deployTagPattern` tags are production deployments, merge
     * commits are merged changes.
     */
    localGit?: Array<{
      /** The repository's folder, relative to the backend's working directory or absolute. */
      path: string;
      /** The catalog entity its events belong to, e.g. `component:default/portal`. */
      entityRef: string;
      /** Default `^v?\d+\.\d+\.\d+$`. */
      releaseTagPattern?: string;
      /** Default `^deploy/(?<environment>[^/]+)/(?<version>.+)$`. */
      deployTagPattern?: string;
      /**
       * `merge-commits` (default): each merge commit is a merged change.
       * `all-commits`: each non-merge commit is, for repositories that do not merge.
       */
      changes?: 'merge-commits' | 'all-commits';
    }>;
    /**
     * GitHub repositories polled for deployments, releases, workflow runs and
     * merged pull requests, with the GitHub integration's credentials.
     * Webhooks (deployment_status, release, workflow_run, pull_request) reach
     * the plugin through the events system whether or not this is set.
     */
    github?: {
      /** `owner/name` of each repository. */
      repositories: string[];
      /** The GitHub integration's host. Default `github.com`. */
      host?: string;
      /** Minutes between polls. Default 10. */
      pollMinutes?: number;
      /** How many days back a repository's first poll reads. Default 90. */
      backfillDays?: number;
    };
    /** Seconds between polls of the local git repositories. Default 60. */
    pollSeconds?: number;
  };
}
