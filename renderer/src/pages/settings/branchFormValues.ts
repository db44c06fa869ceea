import type { Branch, BranchFields, CommitteeRole } from '@shared/model';
import { blankToUndefined, cleanBranchInfo, type BranchInfoValues } from './BranchInfoFields';

/** What the 支部信息 form holds: rows may be half-filled while the user edits them. */
export interface BranchFormValues extends BranchInfoValues {
  committee: {
    electedOn?: string;
    approvedOn?: string;
    approvalDocument?: string;
    termYears: number;
    members: { memberId?: string; role?: CommitteeRole; duty?: string }[];
  };
  partyGroups: { id: string; name: string; leaderId?: string }[];
}

export function formValuesOf(branch: Branch): BranchFormValues {
  return {
    name: branch.name,
    parentOrganisation: branch.parentOrganisation,
    category: branch.category,
    foundedOn: branch.foundedOn,
    ledgerStartsOn: branch.ledgerStartsOn,
    committee: {
      electedOn: branch.committee.electedOn,
      approvedOn: branch.committee.approvedOn,
      approvalDocument: branch.committee.approvalDocument,
      termYears: branch.committee.termYears,
      members: branch.committee.members.map((m) => ({ ...m })),
    },
    partyGroups: branch.partyGroups.map((g) => ({ ...g })),
  };
}

/** The validated form as the repository takes it (the form's own rules have made every row complete). */
export function branchFieldsOf(values: BranchFormValues, isDemo: boolean): BranchFields {
  return {
    ...cleanBranchInfo(values),
    committee: {
      electedOn: values.committee.electedOn,
      approvedOn: values.committee.approvedOn,
      approvalDocument: blankToUndefined(values.committee.approvalDocument),
      termYears: values.committee.termYears,
      members: (values.committee.members ?? []).map((m) => ({
        memberId: m.memberId!,
        role: m.role!,
        duty: blankToUndefined(m.duty),
      })),
    },
    partyGroups: (values.partyGroups ?? []).map((g) => ({ id: g.id, name: g.name.trim(), leaderId: g.leaderId })),
    isDemo,
  };
}
