import { UnattributedResponse } from '@internal/plugin-release-watch-common';
import { ReportStore } from '../../store/ReportStore';

const LIMIT = 500;

export interface ListUnattributedModel {
  /** Events no catalog entity claimed: stored and counted, listed by claimant. */
  listUnattributed(): Promise<UnattributedResponse>;
}

export class ListUnattributedModelImpl implements ListUnattributedModel {
  constructor(private readonly store: Pick<ReportStore, 'unattributed'>) {}

  async listUnattributed() {
    const rows = await this.store.unattributed(LIMIT);
    return {
      items: rows.map(row => ({
        claimedBy: row.subject.replace(/^unattributed:/, ''),
        events: row.events,
        lastAt: new Date(row.lastAt).toISOString(),
      })),
    };
  }
}
