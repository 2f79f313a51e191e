import {
  TenantPlan,
  TenantStatus,
} from '@internal/plugin-tenant-scaffolder-common';
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

const PLANS: Array<{ value: TenantPlan['kind']; label: string }> = [
  { value: 'trial', label: 'Trial' },
  { value: 'paid', label: 'Paid' },
];

const ALL = 'all';

/** Status and plan filters; "All" leaves a filter out. */
export const TenantFilters = ({
  query,
  onChange,
}: {
  query: TenantListQuery;
  onChange: (query: TenantListQuery) => void;
}) => (
  <Box display="flex" gridGap={16} mb={2}>
    <TextField
      select
      id="tenant-status-filter"
      label="Status"
      variant="outlined"
      size="small"
      style={{ minWidth: 180 }}
      value={query.status ?? ALL}
      onChange={event => {
        const value = event.target.value as string;
        onChange({
          ...query,
          status: value === ALL ? undefined : (value as TenantStatus),
        });
      }}
    >
      <MenuItem value={ALL}>All</MenuItem>
      {TENANT_STATUSES.map(status => (
        <MenuItem key={status} value={status}>
          {status}
        </MenuItem>
      ))}
    </TextField>
    <TextField
      select
      id="tenant-plan-filter"
      label="Plan"
      variant="outlined"
      size="small"
      style={{ minWidth: 140 }}
      value={query.plan ?? ALL}
      onChange={event => {
        const value = event.target.value as string;
        onChange({
          ...query,
          plan: value === ALL ? undefined : (value as TenantPlan['kind']),
        });
      }}
    >
      <MenuItem value={ALL}>All</MenuItem>
      {PLANS.map(plan => (
        <MenuItem key={plan.value} value={plan.value}>
          {plan.label}
        </MenuItem>
      ))}
    </TextField>
  </Box>
);
