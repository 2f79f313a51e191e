import { stepExample } from './stepExample';

export const examples = [
  stepExample(
    "Create the registered tenant's production and staging host names",
    { id: 'dns', name: 'Create the DNS records', action: 'tenant:dns:create' },
  ),
];
