import { SummaryResponse } from '@internal/plugin-release-watch-common';
import { rangeOf, RangeQuery, scopeOf, ScopeQuery } from '../queryParams';
import { SummaryService } from '../SummaryService';

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface GetSummaryModel {
  /** The five DORA keys of a scope over a range, each with its band and trend. */
  getSummary(query: ScopeQuery & RangeQuery): Promise<SummaryResponse>;
}

export class GetSummaryModelImpl implements GetSummaryModel {
  constructor(private readonly summary: Pick<SummaryService, 'keys'>) {}

  async getSummary(query: ScopeQuery & RangeQuery) {
    const scope = scopeOf(query);
    const range = rangeOf(query);
    return {
      scope,
      from: isoDay(range.from),
      to: isoDay(range.to),
      keys: await this.summary.keys(scope, range),
    };
  }
}
