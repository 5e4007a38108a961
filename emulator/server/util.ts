/** Small conversions every part of the emulator's server uses. */

export function toJson(value: unknown): unknown {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
}

export function errorMessage(err: unknown): string {
  // Errors from the vm are another realm's Error: instanceof fails, the shape does not.
  if (err !== null && typeof err === 'object' && 'message' in err) return String((err as { message: unknown }).message);
  return String(err);
}

export function str(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}
