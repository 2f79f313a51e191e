export * from './environments';
export * from './locks';
export * from './permissions';
