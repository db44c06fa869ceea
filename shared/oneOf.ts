/**
 * `value` as one of `options` (a list declared `as const`), or undefined when it is none of them: the typed form of
 * `options.includes(value)`, for text read from a cell, a URL parameter or a control that antd types as `any`.
 */
export function oneOf<T extends string>(options: readonly T[], value: unknown): T | undefined {
  return options.find((option) => option === value);
}

/**
 * The keys of a map declared over a union of keys (a label map `Record<keyof Fields, string>`, a zod shape), typed
 * as that union: the typed form of `Object.keys`, for maps written out in full as literals.
 */
export function keysOf<K extends string>(map: Readonly<Record<K, unknown>>): K[] {
  // why: Object.keys widens to string[]; a map declared over K as a literal has exactly the keys K
  return Object.keys(map) as K[];
}

/** Whether `value` is an object whose fields can be read one by one (parsed JSON, a record of unknown shape). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
