/**
 * `value` as one of `options` (a list declared `as const`), or undefined when it is none of them: the typed form of
 * `options.includes(value)`, for text read from a cell, a URL parameter or a control that antd types as `any`.
 */
export function oneOf<T extends string>(options: readonly T[], value: unknown): T | undefined {
  return options.find((option) => option === value);
}
