import { z } from 'zod';

/** Key-value settings; each value is validated by the schema of its key when read. */
export const settingRowSchema = z.object({ key: z.string().min(1), value: z.unknown() });
export type SettingRow = z.infer<typeof settingRowSchema>;

/** The branch shown when the app opens. */
export const CURRENT_BRANCH_KEY = 'currentBranchId';
