import { stepExample } from './stepExample';

export const examples = [
  stepExample("Create the registered tenant's CI job tenant-<slug>", {
    id: 'ci',
    name: 'Create its CI job',
    action: 'tenant:ci:create',
  }),
];
