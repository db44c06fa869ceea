/** 整改台账: pure helpers of the module (workflow, deadlines, views, origins). */
export * from './workflow';
export * from './deadlines';
export * from './views';
export * from './origin';
