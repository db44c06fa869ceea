export * from './manifest';
export * from './archive';
export * from './rotation';
export * from './tables';
