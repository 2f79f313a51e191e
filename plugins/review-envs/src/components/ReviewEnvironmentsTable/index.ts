export { ReviewEnvironmentsTable } from './ReviewEnvironmentsTable';
