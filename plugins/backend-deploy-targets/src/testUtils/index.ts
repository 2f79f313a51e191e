export { FakeEcsServer } from './FakeEcsServer';
export {
  FAKE_AWS_INTEGRATION,
  fakeEcsTargetBlock,
} from './fakeEcsTargetConfig';
export { TestRepository } from './TestRepository';
export { stopLocalEnvironments } from './stopLocalEnvironments';
