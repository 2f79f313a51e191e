import { ReleaseSummary } from '@internal/plugin-release-watch-common';

const formatHours = (hours: number) =>
  hours < 2
    ? `${Math.round(hours * 60)} minutes`
    : `${Math.round(hours * 10) / 10} hours`;

/**
 * The sentences a team used to write by hand, per group: "backend: 4 of 5
 * releases under 3 hours, one outlier at 24 hours; average 7.4 hours".
 */
export function sprintReport(
  releases: ReleaseSummary[],
  targetFor: (group: string | null) => number | null,
): string[] {
  const groups = [...new Set(releases.map(r => r.group))].sort((a, b) =>
    String(a).localeCompare(String(b)),
  );
  return groups.flatMap(group => {
    const deployed = releases.filter(
      r => r.group === group && r.timeToProductionHours !== null,
    );
    if (deployed.length === 0) {
      return [];
    }
    const hours = deployed.map(r => r.timeToProductionHours!);
    const average = hours.reduce((a, b) => a + b, 0) / hours.length;
    const target = targetFor(group);
    const parts = [`${group ?? 'unattributed'}:`];
    if (target !== null) {
      const under = hours.filter(h => h <= target).length;
      parts.push(
        `${under} of ${deployed.length} releases under ${formatHours(target)}`,
      );
    } else {
      parts.push(`${deployed.length} releases`);
    }
    const outliers = deployed
      .filter(r => r.outlier)
      .map(r => r.timeToProductionHours!);
    const outlierText =
      outliers.length === 0
        ? ''
        : `, ${
            outliers.length === 1
              ? 'one outlier'
              : `${outliers.length} outliers`
          } at ${outliers
            .sort((a, b) => b - a)
            .slice(0, 3)
            .map(formatHours)
            .join(', ')}`;
    return [
      `${parts.join(' ')}${outlierText}; average ${formatHours(average)}`,
    ];
  });
}
