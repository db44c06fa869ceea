/** The text of a thrown value, for a message to the user. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
