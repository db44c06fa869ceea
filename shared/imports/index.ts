export * from './plan';
export {
  planMemberImport,
  memberIdKey,
  memberLabel,
  memberFieldsFromImport,
  type PlannedMemberRow,
  type PlanBranch,
} from './planMemberImport';
export { problemKey } from './rectifications';
export { applyPlan, branchFromLedgers, type LedgerBranch } from './materialize';
export { applyOrganization, organizationChanges, organizationSummary, type AppliedOrganization } from './organization';
