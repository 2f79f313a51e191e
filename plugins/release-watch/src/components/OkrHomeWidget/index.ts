export { OkrHomeWidget } from './OkrHomeWidget';
