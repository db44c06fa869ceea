import { z } from 'zod';
import { idSchema } from './common';

/** An Excel import, kept so that 撤销本次导入 can restore the database exactly. */
export const importBatchSchema = z.object({
  id: idSchema,
  at: z.string(),
  branchId: idSchema.optional(),
  fileName: z.string(),
  added: z.array(z.object({ table: z.string(), id: idSchema })).default([]),
  /** Prior versions of updated records. */
  replaced: z.array(z.object({ table: z.string(), record: z.unknown() })).default([]),
  undoneAt: z.string().optional(),
});
export type ImportBatch = z.infer<typeof importBatchSchema>;
