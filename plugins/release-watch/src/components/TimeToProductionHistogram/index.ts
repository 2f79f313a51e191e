export { TimeToProductionHistogram } from './TimeToProductionHistogram';
