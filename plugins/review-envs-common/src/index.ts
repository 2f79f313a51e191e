export * from './locks';
export * from './permissions';
