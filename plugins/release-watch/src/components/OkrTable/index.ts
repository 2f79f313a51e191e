export { OkrTable } from './OkrTable';
