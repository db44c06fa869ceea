import type { Rule } from 'eslint';

/** Types for explained-assertion.js (a plain ES module, so that eslint.config.js can load it without a TypeScript loader). */
declare const rule: Rule.RuleModule;
export default rule;
