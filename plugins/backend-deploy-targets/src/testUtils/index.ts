export { FakeEcsServer } from './FakeEcsServer';
