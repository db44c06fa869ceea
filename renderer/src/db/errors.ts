import type { z } from 'zod';

/** A problem with one field, shown under that field in the form. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Thrown by repositories when a record would be invalid; nothing has been written. */
export class ValidationError extends Error {
  readonly problems: FieldProblem[];

  constructor(problems: FieldProblem[]) {
    super(problems.map((p) => p.message).join('；'));
    this.name = 'ValidationError';
    this.problems = problems;
  }
}

export function problemsFromZod(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({ field: String(issue.path[0] ?? ''), message: issue.message }));
}

/** Thrown when a record asked for no longer exists (e.g. deleted in another window). */
export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what}不存在或已被删除`);
    // Not 'NotFoundError': Dexie takes that IndexedDB DOMException name for its own and re-wraps the error.
    this.name = 'RecordNotFoundError';
  }
}
