// @ts-check

/**
 * The outbox of deployments reported to Release Watch: a row is written in
 * the transaction of the tenant change it reports (provisioned, upgraded, an
 * upgrade failed) and deleted only once Release Watch has accepted it, so a
 * Release Watch that is down for a while loses nothing.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('tenant_deployment_outbox', table => {
    table.increments('id').primary();
    table
      .string('event_id', 300)
      .notNullable()
      .unique({ indexName: 'tenant_deployment_outbox_event_id_idx' })
      .comment("The event's id in Release Watch, which stores it once");
    table.string('slug', 63).notNullable();
    table.text('event').notNullable().comment('The event as JSON');
    table.bigInteger('queued_at_ms').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('tenant_deployment_outbox');
};
