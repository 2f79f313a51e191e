export { DoraSummary } from './DoraSummary';
