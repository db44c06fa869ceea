export * from './plan';
export { memberIdKey, memberLabel, memberFieldsFromImport } from './members';
export { keyedPlanner, type KeyedHooks, type Resolved } from './keyed';
export { problemKey } from './rectifications';
export { applyPlan, branchFromLedgers, type LedgerBranch } from './materialize';
export { applyOrganization, organizationChanges, organizationSummary, type AppliedOrganization } from './organization';
