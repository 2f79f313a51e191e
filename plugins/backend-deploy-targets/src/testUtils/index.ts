export { FakeEcsServer } from './FakeEcsServer';
export {
  FAKE_AWS_INTEGRATION,
  fakeEcsTargetBlock,
} from './fakeEcsTargetConfig';
export { TestRepository } from './TestRepository';
