export {
  FleetUpgradeStatusChip,
  FleetUpgradeTenantStatusChip,
  TenantStatusChip,
} from './TenantStatusChip';
