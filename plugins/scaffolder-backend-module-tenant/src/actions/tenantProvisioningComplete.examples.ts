import { stepExample } from './stepExample';

export const examples = [
  stepExample(
    'Mark the registered tenant ready, as the last step of the template',
    {
      id: 'ready',
      name: 'Mark the tenant ready',
      action: 'tenant:provisioning:complete',
    },
  ),
];
