// @ts-check

/**
 * The tenant a pull request's `seed:<slug>` label names: its environment is
 * seeded from that tenant's masked data after a deploy, until a seed from
 * it succeeds.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('review_envs_environments', table => {
    table.string('seed_tenant', 100).nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('review_envs_environments', table => {
    table.dropColumn('seed_tenant');
  });
};
