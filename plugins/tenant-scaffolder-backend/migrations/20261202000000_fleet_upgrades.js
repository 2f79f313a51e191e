// @ts-check

/**
 * Fleet upgrades: one row per upgrade, one per tenant in it with its wave
 * and result. Times are epoch milliseconds from the database's clock.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('fleet_upgrades', table => {
    table.increments('id');
    table.string('version', 64).notNullable();
    table.string('status', 20).notNullable();
    table
      .string('active', 10)
      .nullable()
      .unique()
      .comment("'active' while running or paused, else null: one at a time");
    table.text('reason').nullable();
    table.text('options').notNullable().comment('JSON FleetUpgradeOptions');
    table.integer('current_wave').notNullable().defaultTo(0);
    table.integer('wave_count').notNullable();
    table.string('created_by', 255).notNullable();
    table.bigInteger('created_at_ms').notNullable();
    table.bigInteger('updated_at_ms').notNullable();
    table.bigInteger('finished_at_ms').nullable();
  });

  await knex.schema.createTable('fleet_upgrade_tenants', table => {
    table
      .integer('upgrade_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('fleet_upgrades')
      .onDelete('CASCADE');
    table.string('slug', 40).notNullable();
    table.integer('wave').notNullable();
    table.integer('position').notNullable().comment('Order within the plan');
    table.string('status', 20).notNullable();
    table.string('from_version', 64).notNullable();
    table.integer('attempts').notNullable().defaultTo(0);
    table.text('error').nullable();
    table.bigInteger('started_at_ms').nullable();
    table.bigInteger('finished_at_ms').nullable();
    table.primary(['upgrade_id', 'slug']);
    table.index(['upgrade_id', 'wave', 'status']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('fleet_upgrade_tenants');
  await knex.schema.dropTable('fleet_upgrades');
};
