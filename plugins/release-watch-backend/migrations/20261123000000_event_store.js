// @ts-check

/**
 * The event store, the measurements derived from it, and the rollups the
 * charts read.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  // Every event as it arrived, once per natural key.
  await knex.schema.createTable('release_watch_events', table => {
    table.string('id', 300).primary();
    table.string('kind', 40).notNullable();
    table.bigInteger('at').notNullable();
    // The catalog entity it is attributed to; null when unattributed.
    table.string('entity_ref', 255).nullable();
    table.string('group_name', 100).nullable();
    // What events of one service share: the entity ref, or the repository or
    // claimed ref of an unattributed event. Releases meet deployments here.
    table.string('subject', 300).notNullable();
    // A release's or deployment's version; an incident's causing version.
    table.string('version', 200).nullable();
    table.string('environment', 200).nullable();
    // A deployment's status, an incident's action, a CI run's conclusion.
    table.string('status', 40).nullable();
    table.boolean('production').nullable();
    table.string('incident', 200).nullable();
    table.text('payload').notNullable();
    table.bigInteger('received_at').notNullable();
  });
  // Partial indexes, one per kind that is looked up: CI runs and metric
  // samples (most events) need none, so storing them maintains none. Queries
  // name the kind as a literal so SQLite can use them.
  /** @type {(kind: string, columns: string[], name: string) => Promise<void>} */
  const partial = (kind, columns, name) =>
    knex.schema.alterTable('release_watch_events', table => {
      table.index(columns, name, {
        predicate: knex.whereRaw(`kind = '${kind}'`),
      });
    });
  // Releases meet their deployments by version; lead times walk deployments
  // and merges by time; incidents pair by id and name a causing version.
  await partial(
    'release',
    ['subject', 'version'],
    'release_watch_events_release_version_idx',
  );
  await partial('release', ['at'], 'release_watch_events_release_time_idx');
  await partial(
    'deployment',
    ['subject', 'version'],
    'release_watch_events_deployment_version_idx',
  );
  await partial(
    'deployment',
    ['subject', 'at'],
    'release_watch_events_deployment_time_idx',
  );
  await partial(
    'pull_request_merged',
    ['subject', 'at'],
    'release_watch_events_merge_time_idx',
  );
  await partial(
    'incident',
    ['subject', 'incident'],
    'release_watch_events_incident_idx',
  );
  await partial(
    'incident',
    ['subject', 'version'],
    'release_watch_events_incident_version_idx',
  );

  // One number per fact: a release's time to production, a CI run's feedback
  // time, a deployment, a restore, a metric sample. Keys make derivation
  // idempotent.
  await knex.schema.createTable('release_watch_measurements', table => {
    table.string('key', 400).primary();
    table.string('metric', 120).notNullable();
    table.string('subject', 300).notNullable();
    table.string('entity_ref', 255).nullable();
    table.string('group_name', 100).nullable();
    table.bigInteger('at').notNullable();
    table.string('week_start', 10).notNullable();
    table.string('month_start', 10).notNullable();
    table.double('value').notNullable();
    // What it measured, for lists: a version, a workflow, an incident.
    table.string('label', 300).nullable();
    table.string('unit', 40).nullable();
    table.index(
      ['metric', 'week_start'],
      'release_watch_measurements_week_idx',
    );
    table.index(
      ['metric', 'month_start'],
      'release_watch_measurements_month_idx',
    );
  });

  // Per metric, period and scope: exact count, sum, median and p90.
  await knex.schema.createTable('release_watch_rollups', table => {
    table.string('metric', 120).notNullable();
    table.string('period', 10).notNullable();
    table.string('period_start', 10).notNullable();
    table.string('scope_kind', 10).notNullable();
    table.string('scope', 255).notNullable();
    table.integer('count').notNullable();
    table.double('sum').notNullable();
    table.double('p50').nullable();
    table.double('p90').nullable();
    table.string('unit', 40).nullable();
    table.primary(
      ['metric', 'period', 'scope_kind', 'scope', 'period_start'],
      'release_watch_rollups_pk',
    );
  });

  // Periods whose rollups are stale; the generation guards against losing a
  // mark made while a refresh was computing.
  await knex.schema.createTable('release_watch_stale_periods', table => {
    table.string('metric', 120).notNullable();
    table.string('period', 10).notNullable();
    table.string('period_start', 10).notNullable();
    table.integer('generation').notNullable().defaultTo(1);
    table.primary(
      ['metric', 'period', 'period_start'],
      'release_watch_stale_periods_pk',
    );
  });

  // Where each polled source got to; advanced only after a successful pass.
  await knex.schema.createTable('release_watch_cursors', table => {
    table.string('source', 300).primary();
    table.text('cursor').notNullable();
    table.bigInteger('updated_at').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('release_watch_cursors');
  await knex.schema.dropTable('release_watch_stale_periods');
  await knex.schema.dropTable('release_watch_rollups');
  await knex.schema.dropTable('release_watch_measurements');
  await knex.schema.dropTable('release_watch_events');
};
