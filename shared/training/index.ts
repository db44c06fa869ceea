export * from './settings';
export * from './hours';
