import type { FormInstance } from 'antd';
import { messageOf } from '@shared/errors';
import { ValidationError, type FieldProblem } from '../db';

/**
 * Puts each problem under the field it names. The form is taken untyped on purpose: antd types a field's name by
 * the form's values, while problems name their field as text (a repository's ValidationError, a zod issue path);
 * a name no field has shows nowhere.
 */
export function setFieldProblems(form: FormInstance, problems: readonly FieldProblem[]): void {
  form.setFields(problems.map((p) => ({ name: p.field, errors: [p.message] })));
}

/**
 * Shows a repository's ValidationError under the fields it names. Returns the messages of problems no field on
 * the form can show (for a message box), or null when the error is not a ValidationError.
 */
export function showProblemsOnForm(form: FormInstance, error: unknown, fields: readonly string[]): string[] | null {
  if (!(error instanceof ValidationError)) {
    return null;
  }
  setFieldProblems(
    form,
    error.problems.filter((p) => fields.includes(p.field)),
  );
  return error.problems.filter((p) => !fields.includes(p.field)).map((p) => p.message);
}

/** A message for an unexpected failure, never a stack trace. */
export function failureMessage(action: string, error: unknown): string {
  return `${action}失败：${messageOf(error)}`;
}
