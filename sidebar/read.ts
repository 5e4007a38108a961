/**
 * Reading a server answer on a page: answers are read by shape, and anything
 * unreadable becomes a plain message rather than a broken page. Every text
 * here is shown with textContent, never as HTML.
 */

export type Read<T> = { ok: true; value: T } | { ok: false; messages: string[] };

export function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export const UNREADABLE = 'The add-on sent an answer this page cannot read. Close it, open it again and retry.';

/** The server's own messages for a refusal (`{ ok: false, errors }`), or a plain one. */
export function refusal(answer: unknown): string[] {
  if (isObject(answer) && Array.isArray(answer.errors)) {
    const messages = answer.errors
      .map((e) => (isObject(e) && typeof e.message === 'string' ? e.message : ''))
      .filter((m) => m !== '');
    if (messages.length) return messages;
  }
  return [UNREADABLE];
}

export function num(x: unknown): number {
  return typeof x === 'number' && Number.isFinite(x) ? x : 0;
}

export function str(x: unknown): string {
  return typeof x === 'string' ? x : x === null || x === undefined ? '' : String(x);
}

export function lineNotes(x: unknown): { line: number; reason: string }[] {
  return Array.isArray(x) ? x.filter(isObject).map((n) => ({ line: num(n.line), reason: str(n.reason) })) : [];
}

/**
 * What a failure handler was given (an Error, or a string from the emulator
 * or an older runtime), as the words to show: never blank.
 */
export function message(error: unknown): string {
  const text = typeof error === 'string' ? error : isObject(error) && 'message' in error ? String(error.message) : '';
  return text.trim() || 'no reason given';
}

/** A failure handler's error, as the data pages say it. */
export function failureText(error: unknown): string {
  return `The add-on could not be reached (${message(error)}). Nothing was changed; try again.`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
