export { OkrStatusChip } from './OkrStatusChip';
