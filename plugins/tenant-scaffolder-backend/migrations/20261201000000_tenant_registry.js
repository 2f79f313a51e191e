// @ts-check

/**
 * The tenant registry: tenants, their secrets, the ledger of resources the
 * portal made for them, and the history of every change. Times are epoch
 * milliseconds from the database's clock.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('tenants', table => {
    table
      .string('slug', 40)
      .primary()
      .comment('Never reused: rows are never deleted, only marked deleted');
    table.string('name', 100).notNullable();
    table.string('plan_kind', 10).notNullable().index();
    table.string('trial_ends_on', 10).nullable().comment('YYYY-MM-DD');
    table.string('region', 40).notNullable();
    table.string('status', 20).notNullable().index();
    table.string('version', 64).notNullable();
    table.text('settings').notNullable().comment('JSON, without secrets');
    table.string('owner', 255).notNullable();
    table.bigInteger('created_at_ms').notNullable();
    table.bigInteger('updated_at_ms').notNullable();
    table
      .integer('revision')
      .notNullable()
      .defaultTo(1)
      .comment('Incremented on every change, for optimistic updates');
  });

  await knex.schema.createTable('tenant_secrets', table => {
    tenantSlug(table);
    table.string('name', 50).notNullable();
    table.text('value').notNullable();
    table.primary(['slug', 'name']);
  });

  await knex.schema.createTable('tenant_ledger', table => {
    table.increments('id');
    tenantSlug(table);
    table.string('step', 50).notNullable();
    table.string('resource_type', 100).notNullable();
    table.string('resource_id', 500).notNullable();
    table.text('details').notNullable().comment('JSON object');
    table.bigInteger('created_at_ms').notNullable();
    table.bigInteger('removed_at_ms').nullable();
    table.unique(['slug', 'resource_type', 'resource_id']);
  });

  await knex.schema.createTable('tenant_history', table => {
    table.increments('id');
    tenantSlug(table);
    table.bigInteger('at_ms').notNullable();
    table.string('actor', 255).notNullable();
    table.string('action', 40).notNullable();
    table.text('detail').nullable();
    table.index(['slug', 'id']);
  });
};

/**
 * The tenant a row belongs to: its rows go when it goes.
 *
 * @param {import('knex').Knex.CreateTableBuilder} table
 */
function tenantSlug(table) {
  table
    .string('slug', 40)
    .notNullable()
    .references('slug')
    .inTable('tenants')
    .onDelete('CASCADE');
}

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('tenant_history');
  await knex.schema.dropTable('tenant_ledger');
  await knex.schema.dropTable('tenant_secrets');
  await knex.schema.dropTable('tenants');
};
