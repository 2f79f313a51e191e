// @ts-check

/**
 * The health guard's soak: when a fleet upgrade's wave finished, and until
 * when its upgraded tenants are watched before the guard decides whether
 * the upgrade goes on. Both null unless the current wave is soaking.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('fleet_upgrades', table => {
    table
      .bigInteger('wave_finished_at_ms')
      .nullable()
      .comment('When the current wave finished and its soak began (epoch ms)');
    table
      .bigInteger('soak_until_ms')
      .nullable()
      .comment('Until when the current wave soaks before it is judged');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('fleet_upgrades', table => {
    table.dropColumn('wave_finished_at_ms');
    table.dropColumn('soak_until_ms');
  });
};
