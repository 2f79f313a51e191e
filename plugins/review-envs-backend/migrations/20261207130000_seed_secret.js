// @ts-check

/**
 * Secrets the plugin makes for itself, by name: the key of masked seeds'
 * hashes and fake values when `reviewEnvs.seed.secret` is not configured,
 * made once so that every replica and every seed masks alike.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('review_envs_secrets', table => {
    table.string('name', 100).primary();
    table.text('value').notNullable();
    table.bigInteger('created_at_ms').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('review_envs_secrets');
};
