import { stepExample } from './stepExample';

export const examples = [
  stepExample(
    "Deploy the registered tenant's service with its rendered config; its result's url links to it",
    {
      id: 'deploy',
      name: 'Deploy its service',
      action: 'tenant:service:deploy',
    },
  ),
];
