import { Link, Table, TableColumn } from '@backstage/core-components';
import {
  BUILT_IN_METRICS,
  DORA_KEYS,
  TeamSummary,
} from '@internal/plugin-release-watch-common';
import Box from '@material-ui/core/Box';
import { formatValue } from '../../format/formatValue';
import { BandChip } from '../BandChip';
import { TrendArrow } from '../TrendArrow';

/** A key's column: value and trend arrow over its band. */
function keyColumn(
  metric: (typeof DORA_KEYS)[number],
): TableColumn<TeamSummary> {
  const { title } = BUILT_IN_METRICS[metric];
  return {
    title,
    customSort: (a, b) =>
      (a.keys.find(k => k.metric === metric)?.value ?? -1) -
      (b.keys.find(k => k.metric === metric)?.value ?? -1),
    render: team => {
      const key = team.keys.find(k => k.metric === metric);
      if (!key) return null;
      return (
        <>
          <Box whiteSpace="nowrap">
            {formatValue(key.value, key.unit)}{' '}
            <TrendArrow trend={key.trend} unit={key.unit} />
          </Box>
          <BandChip band={key.band} reason={key.noBandReason} />
        </>
      );
    },
  };
}

/** One row per team: the five DORA keys with band and trend; each team links to its filtered page. */
export const TeamsTable = (props: {
  teams: TeamSummary[];
  /** The page filtered to a team. */
  teamLink?: (owner: string) => string;
}) => {
  const { teams, teamLink } = props;
  const columns: TableColumn<TeamSummary>[] = [
    {
      title: 'Team',
      field: 'title',
      highlight: true,
      render: team =>
        teamLink ? (
          <Link to={teamLink(team.owner)}>{team.title}</Link>
        ) : (
          team.title
        ),
    },
    { title: 'Entities', field: 'entities', type: 'numeric' },
    ...DORA_KEYS.map(keyColumn),
  ];
  return (
    <Table<TeamSummary>
      options={{
        draggable: false,
        paging: false,
        search: false,
        toolbar: false,
        padding: 'dense',
      }}
      columns={columns}
      data={teams}
    />
  );
};
