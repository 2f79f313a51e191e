export { ChartContainer } from './ChartContainer';
