import type { FormInstance } from 'antd';

/**
 * Every value the form holds, a field on screen or not (`getFieldsValue(true)`): what a draft keeps and a save
 * writes. antd types that call `any`; the store holds the form's values type.
 */
export function allFormValues<V>(form: FormInstance<V>): V {
  return form.getFieldsValue(true) as V; // the whole store of a FormInstance<V>: V (antd types this overload any)
}
