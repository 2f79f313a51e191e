export { FleetUpgradePanel } from './FleetUpgradePanel';
