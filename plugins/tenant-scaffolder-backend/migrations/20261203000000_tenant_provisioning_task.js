// @ts-check

/**
 * The scaffolder task that registered each tenant: provisioning steps act
 * only on the tenant their own task registered. Empty for tenants
 * registered before it was kept.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('tenants', table => {
    table
      .string('provisioning_task', 64)
      .nullable()
      .comment('Id of the scaffolder task that registered the tenant');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('tenants', table => {
    table.dropColumn('provisioning_task');
  });
};
