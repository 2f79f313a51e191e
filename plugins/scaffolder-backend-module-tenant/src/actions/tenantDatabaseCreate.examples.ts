import { stepExample } from './stepExample';

export const examples = [
  stepExample(
    "Create the registered tenant's database, seeded; tenant:config:render takes its result",
    {
      id: 'database',
      name: 'Create the database',
      action: 'tenant:database:create',
    },
  ),
];
