import { KeySummary } from '@internal/plugin-release-watch-common';

/**
 * Key summaries already computed, by metric, scope, range and the
 * fingerprint of the measurements they were computed from; the oldest
 * entry goes when there are `capacity`.
 */
export class SummaryCache {
  private readonly entries = new Map<string, KeySummary>();

  constructor(private readonly capacity = 2_000) {}

  async get(
    key: string,
    compute: () => Promise<KeySummary>,
  ): Promise<KeySummary> {
    const cached = this.entries.get(key);
    if (cached) {
      return cached;
    }
    const computed = await compute();
    this.entries.set(key, computed);
    if (this.entries.size > this.capacity) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    return computed;
  }
}
