export * from './attendance';
export * from './defaults';
export * from './format';
export * from './minutes';
export * from './search';
export * from './voting';
