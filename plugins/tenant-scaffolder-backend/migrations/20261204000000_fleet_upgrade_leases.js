// @ts-check

/**
 * A lease on each tenant a fleet upgrade is running, renewed while the
 * upgrade runs: any replica may run fleet upgrades, and one that dies
 * mid-wave leaves its tenants to the others once their leases run out.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('fleet_upgrade_tenants', table => {
    table
      .bigInteger('lease_until_ms')
      .nullable()
      .comment('While running: until when its runner holds it (epoch ms)');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('fleet_upgrade_tenants', table => {
    table.dropColumn('lease_until_ms');
  });
};
