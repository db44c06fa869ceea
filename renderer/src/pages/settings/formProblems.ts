import type { FormInstance } from 'antd';
import { ValidationError } from '../../db';

/**
 * Shows a repository's ValidationError under the fields it names. Returns the messages of problems no field on
 * the form can show (for a message box), or null when the error is not a ValidationError.
 */
export function showProblemsOnForm(form: FormInstance, error: unknown, fields: readonly string[]): string[] | null {
  if (!(error instanceof ValidationError)) {
    return null;
  }
  const onForm = error.problems.filter((p) => fields.includes(p.field));
  form.setFields(onForm.map((p) => ({ name: p.field, errors: [p.message] })));
  return error.problems.filter((p) => !fields.includes(p.field)).map((p) => p.message);
}

/** A message for an unexpected failure, never a stack trace. */
export function failureMessage(action: string, error: unknown): string {
  return `${action}失败：${error instanceof Error ? error.message : String(error)}`;
}
