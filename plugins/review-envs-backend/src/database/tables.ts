/** Whose migrations/ folder holds the plugin's tables. */
export const MIGRATIONS_PACKAGE = '@internal/plugin-review-envs-backend';

export const ENVIRONMENTS_TABLE = 'review_envs_environments';
export const ENVIRONMENT_HISTORY_TABLE = 'review_envs_environment_history';
/** What the database driver made for each environment, as its ledger. */
export const DATABASE_RESOURCES_TABLE = 'review_envs_database_resources';
/** Each environment's database connection, once made. */
export const DATABASES_TABLE = 'review_envs_databases';
/** Each load of a tenant's masked data into an environment's database. */
export const SEEDS_TABLE = 'review_envs_seeds';
/** Secrets the plugin makes for itself, by name. */
export const SECRETS_TABLE = 'review_envs_secrets';
/** The newest `updatedAt` applied of each pull request. */
export const PULL_REQUESTS_TABLE = 'review_envs_pull_requests';

export const LOCKS_TABLE = 'review_envs_locks';
export const LOCK_QUEUE_TABLE = 'review_envs_lock_queue';
export const LOCK_HISTORY_TABLE = 'review_envs_lock_history';
