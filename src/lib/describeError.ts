/** What went wrong, in words for a notice or an alert: an Error's message, or anything else as text. */
export function describeError(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
