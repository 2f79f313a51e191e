export { OkrChart } from './OkrChart';
