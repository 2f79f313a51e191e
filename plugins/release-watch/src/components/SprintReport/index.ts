export { SprintReport } from './SprintReport';
