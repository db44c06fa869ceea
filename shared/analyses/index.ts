/** 思想动态分析: periods, team statistics, entries across periods, what is due, the report. Pure TypeScript. */
export * from './periods';
export * from './statistics';
export * from './entries';
export * from './due';
export * from './report';
