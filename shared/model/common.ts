import { z } from 'zod';

/** Record ids are UUIDs from crypto.randomUUID(); the demo generator makes deterministic ones of the same shape. */
export const idSchema = z.string().min(1);

/** Fields every stored record carries. */
export const recordMetaSchema = z.object({
  id: idSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** A trimmed optional text: empty strings are stored as absent. */
export const optionalText = z
  .string()
  .transform((v) => v.trim())
  .optional()
  .transform((v) => (v ? v : undefined));
