// @ts-check

/**
 * Weekly and monthly rollups per environment (scope kind `env`), which
 * `GET /environments` reads for a window's whole weeks. Periods holding
 * measurements with an environment are marked stale here, so the next
 * refresh computes their environments' rollups for rows stored before.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  for (const [period, column] of [
    ['week', 'week_start'],
    ['month', 'month_start'],
  ]) {
    const periods = await knex('release_watch_measurements')
      .whereNotNull('environment')
      .distinct({ metric: 'metric', period_start: column });
    for (let i = 0; i < periods.length; i += 400) {
      await knex('release_watch_stale_periods')
        .insert(
          periods.slice(i, i + 400).map(row => ({
            metric: row.metric,
            period,
            period_start: row.period_start,
          })),
        )
        .onConflict(['metric', 'period', 'period_start'])
        .ignore();
    }
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex('release_watch_rollups').where('scope_kind', 'env').delete();
};
