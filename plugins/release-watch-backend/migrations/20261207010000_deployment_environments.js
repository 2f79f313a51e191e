// @ts-check

/**
 * Production deployments' measurements (deployment frequency, change failure
 * and rework rate) keep the deployment's environment too, so that
 * `GET /environments` reads them from one index, `value` included, instead
 * of walking every deployment event. Rows stored before get theirs here:
 * deployment frequency's from its label, the rates' from the deployment
 * their key names.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex('release_watch_measurements')
    .where('metric', 'deployment_frequency')
    .whereNull('environment')
    .update({ environment: knex.ref('label') });
  for (const [metric, prefix] of [
    ['change_failure_rate', 'cfr:'],
    ['deployment_rework_rate', 'rework:'],
  ]) {
    await knex('release_watch_measurements')
      .where('metric', metric)
      .whereNull('environment')
      .update({
        environment: knex('release_watch_events')
          .select('environment')
          .where(
            'id',
            knex.raw('substr(??, ?)', [
              'release_watch_measurements.key',
              prefix.length + 1,
            ]),
          ),
      });
  }
  await knex.schema.alterTable('release_watch_measurements', table => {
    table.dropIndex([], 'release_watch_measurements_environment_idx');
  });
  await knex.schema.alterTable('release_watch_measurements', table => {
    table.index(
      ['metric', 'environment', 'at', 'value'],
      'release_watch_measurements_environment_idx',
      { predicate: knex.whereNotNull('environment') },
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('release_watch_measurements', table => {
    table.dropIndex([], 'release_watch_measurements_environment_idx');
  });
  await knex.schema.alterTable('release_watch_measurements', table => {
    table.index(
      ['metric', 'environment', 'at'],
      'release_watch_measurements_environment_idx',
      { predicate: knex.whereNotNull('environment') },
    );
  });
  await knex('release_watch_measurements')
    .whereIn('metric', [
      'deployment_frequency',
      'change_failure_rate',
      'deployment_rework_rate',
    ])
    .update({ environment: null });
};
