import { HOUR_MS, Measure, Owner } from './measurements';

/** The first time something happened to a subject's `key` (a version, an incident). */
export type FirstMoment = { subject: string; key: string; at: number | string };

/**
 * Measures in hours from each key's first start to its first end, for the
 * subjects of the batch stored now; an end before its start is no span.
 */
export function measureSpans(options: {
  /** The measurement key is `<prefix>:<subject>:<key>`. */
  prefix: string;
  metric: string;
  starts: FirstMoment[];
  ends: FirstMoment[];
  subjects: Set<string>;
  ownerOf: Map<string, Owner>;
  measure: Measure;
}) {
  const { prefix, metric, subjects, ownerOf, measure } = options;
  const startedAt = new Map(
    options.starts.map(start => [
      `${start.subject}\n${start.key}`,
      Number(start.at),
    ]),
  );
  for (const end of options.ends) {
    const started = startedAt.get(`${end.subject}\n${end.key}`);
    const endedAt = Number(end.at);
    if (
      !subjects.has(end.subject) ||
      started === undefined ||
      endedAt < started
    ) {
      continue;
    }
    measure(
      `${prefix}:${end.subject}:${end.key}`,
      metric,
      ownerOf.get(end.subject)!,
      endedAt,
      (endedAt - started) / HOUR_MS,
      end.key,
    );
  }
}
