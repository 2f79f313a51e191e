import { stepExample } from './stepExample';

export const examples = [
  stepExample(
    "Create the registered tenant's storage with the initial assets; tenant:config:render takes its location",
    {
      id: 'storage',
      name: 'Create the storage prefix',
      action: 'tenant:storage:create',
    },
  ),
];
