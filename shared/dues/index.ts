export * from './money';
export * from './settings';
export * from './owed';
export * from './grid';
