/** The person the tests act as, unless they name another. */
export const ADA = 'user:default/ada';

/** The scaffolder, whose tenant module provisions tenants and writes the registry. */
export const SCAFFOLDER = 'plugin:scaffolder';
