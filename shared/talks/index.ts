/** 谈心谈话: pure helpers of the module (关系, checks, filters, the coverage matrix, 记录谈话 pre-fills). */
export * from './relation';
export * from './check';
export * from './filter';
export * from './matrix';
export * from './prefill';
export * from './history';
