// @ts-check

/**
 * Each review environment's own database: the resources the database
 * driver made for it (recorded before each is made, removed at teardown
 * only when named as the driver names them from the environment's id), and
 * its connection once made.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('review_envs_database_resources', table => {
    table.increments('id');
    table
      .string('environment_id', 200)
      .notNullable()
      .references('id')
      .inTable('review_envs_environments')
      .onDelete('CASCADE');
    table
      .string('type', 40)
      .notNullable()
      .comment('sqlite-file, postgres-role, postgres-database');
    table.text('resource_id').notNullable().comment('A path or a name');
    table.bigInteger('recorded_at_ms').notNullable();
    table.index(['environment_id', 'id']);
  });

  await knex.schema.createTable('review_envs_databases', table => {
    table
      .string('environment_id', 200)
      .primary()
      .references('id')
      .inTable('review_envs_environments')
      .onDelete('CASCADE');
    table
      .text('url')
      .notNullable()
      .comment('DATABASE_URL, password included: a secret, never answered');
    table.bigInteger('created_at_ms').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('review_envs_databases');
  await knex.schema.dropTable('review_envs_database_resources');
};
