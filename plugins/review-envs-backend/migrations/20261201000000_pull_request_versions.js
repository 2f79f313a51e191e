// @ts-check

/**
 * The last applied state of each pull request, by its source's `updated_at`,
 * so that a webhook delivered late cannot undo a newer one. One row per
 * (repository, pull request), whether or not it has an environment.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('review_envs_pull_requests', table => {
    table.string('repository', 200).notNullable();
    table.integer('pull_request').notNullable();
    table
      .bigInteger('updated_at_ms')
      .notNullable()
      .comment("The pull request's updated_at of the last state applied");
    table.primary(['repository', 'pull_request']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('review_envs_pull_requests');
};
