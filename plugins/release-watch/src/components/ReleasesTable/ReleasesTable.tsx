import { Table, TableColumn } from '@backstage/core-components';
import { ReleaseSummary } from '@internal/plugin-release-watch-common';
import Chip from '@material-ui/core/Chip';
import { alpha, useTheme } from '@material-ui/core/styles';
import { formatDateTime } from '../../format/formatDate';
import { shortEntityRef } from '../../format/formatScope';
import { formatValue, NO_VALUE } from '../../format/formatValue';

const PAGE_SIZE = 20;

/** Every release in the range and how long it took to reach production; outliers highlighted. */
export const ReleasesTable = (props: { releases: ReleaseSummary[] }) => {
  const { releases } = props;
  const theme = useTheme();
  const outlierBackground = alpha(theme.palette.error.main, 0.12);

  const columns: TableColumn<ReleaseSummary>[] = [
    {
      title: 'Entity',
      field: 'entityRef',
      render: release =>
        release.entityRef ? (
          <span title={release.entityRef}>
            {shortEntityRef(release.entityRef)}
          </span>
        ) : (
          'unattributed'
        ),
    },
    {
      title: 'Group',
      field: 'group',
      render: release => release.group ?? NO_VALUE,
    },
    { title: 'Version', field: 'version', highlight: true },
    {
      title: 'Started',
      field: 'startedAt',
      render: release => formatDateTime(release.startedAt),
    },
    {
      title: 'Deployed',
      field: 'deployedAt',
      render: release =>
        release.deployedAt ? formatDateTime(release.deployedAt) : 'not yet',
    },
    {
      title: 'Time to production',
      field: 'timeToProductionHours',
      render: release => (
        <>
          {formatValue(release.timeToProductionHours, 'hours')}
          {release.outlier && (
            <Chip
              size="small"
              label="outlier"
              color="secondary"
              style={{ marginLeft: theme.spacing(1) }}
            />
          )}
        </>
      ),
    },
  ];

  return (
    <Table<ReleaseSummary>
      title={releaseCount(releases.length)}
      options={{
        // Column dragging wraps each sort button in a second one (nested-interactive).
        draggable: false,
        paging: releases.length > PAGE_SIZE,
        pageSize: PAGE_SIZE,
        search: true,
        padding: 'dense',
        rowStyle: (release: ReleaseSummary) =>
          release.outlier ? { backgroundColor: outlierBackground } : {},
      }}
      columns={columns}
      data={releases}
    />
  );
};

function releaseCount(count: number): string {
  return count === 1 ? '1 release' : `${count} releases`;
}
