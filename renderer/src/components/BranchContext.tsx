import { createContext, useContext } from 'react';
import type { Branch } from '@shared/model';

/** The branch every page works on; chosen in the header's branch switcher. */
export const BranchContext = createContext<Branch | null>(null);

export function useBranch(): Branch {
  const branch = useContext(BranchContext);
  if (!branch) {
    throw new Error('useBranch() outside a chosen branch');
  }
  return branch;
}
