import { TenantStatus } from '@internal/plugin-tenant-scaffolder-common';
import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { TenantListQuery } from '../../api/TenantScaffolderApi';

export const TENANT_STATUSES: TenantStatus[] = [
  'provisioning',
  'ready',
  'failed',
  'needs-cleanup',
  'upgrading',
  'deleting',
  'deleted',
];

const ALL = 'all';

type Filter<K extends keyof TenantListQuery> = {
  key: K;
  label: string;
  minWidth: number;
  options: Array<{ value: NonNullable<TenantListQuery[K]>; label: string }>;
};

const FILTERS: [Filter<'status'>, Filter<'plan'>] = [
  {
    key: 'status',
    label: 'Status',
    minWidth: 180,
    options: TENANT_STATUSES.map(status => ({ value: status, label: status })),
  },
  {
    key: 'plan',
    label: 'Plan',
    minWidth: 140,
    options: [
      { value: 'trial', label: 'Trial' },
      { value: 'paid', label: 'Paid' },
    ],
  },
];

/** Status and plan filters; "All" leaves a filter out. */
export const TenantFilters = ({
  query,
  onChange,
}: {
  query: TenantListQuery;
  onChange: (query: TenantListQuery) => void;
}) => (
  <Box display="flex" gridGap={16} mb={2}>
    {FILTERS.map(({ key, label, minWidth, options }) => (
      <TextField
        key={key}
        select
        id={`tenant-${key}-filter`}
        label={label}
        variant="outlined"
        size="small"
        style={{ minWidth }}
        value={query[key] ?? ALL}
        onChange={event => {
          const value = event.target.value as string;
          onChange({ ...query, [key]: value === ALL ? undefined : value });
        }}
      >
        <MenuItem value={ALL}>All</MenuItem>
        {options.map(option => (
          <MenuItem key={option.value} value={option.value}>
            {option.label}
          </MenuItem>
        ))}
      </TextField>
    ))}
  </Box>
);
