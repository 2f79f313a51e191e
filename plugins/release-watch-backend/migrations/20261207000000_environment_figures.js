// @ts-check

/**
 * Per-environment figures (`GET /environments`): metric samples keep the
 * environment they were measured in, and deployments and incidents are found
 * by environment and time. Rows stored before have no sample environment
 * (samples had none) and are read as before.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('release_watch_measurements', table => {
    // The environment a sample was measured in; null for everything else.
    table.string('environment', 200).nullable();
  });
  await knex.schema.alterTable('release_watch_measurements', table => {
    table.index(
      ['metric', 'environment', 'at'],
      'release_watch_measurements_environment_idx',
      { predicate: knex.whereNotNull('environment') },
    );
  });
  // Queries name the kind as a literal so SQLite can use these.
  for (const kind of ['deployment', 'incident']) {
    await knex.schema.alterTable('release_watch_events', table => {
      table.index(
        ['environment', 'at'],
        `release_watch_events_${kind}_environment_idx`,
        { predicate: knex.whereRaw(`kind = '${kind}'`) },
      );
    });
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const kind of ['incident', 'deployment']) {
    await knex.schema.alterTable('release_watch_events', table => {
      table.dropIndex([], `release_watch_events_${kind}_environment_idx`);
    });
  }
  await knex.schema.alterTable('release_watch_measurements', table => {
    table.dropIndex([], 'release_watch_measurements_environment_idx');
  });
  await knex.schema.alterTable('release_watch_measurements', table => {
    table.dropColumn('environment');
  });
};
