/**
 * `google.script.run` as the pages see it, typed from the server's own entry
 * points (src/index.ts) rather than a copy: a page may call only a function
 * the server exports, with its parameters, and a success handler that names
 * the answer it expects must be given a function that answers that. Types
 * only: nothing of the server reaches a page's bundle. Both Google and the
 * local emulator inject `google` before the page's script runs.
 */
type ServerFunctions = typeof import('../src/index');

type ServerCall<F> = F extends (...args: infer A) => unknown ? (...args: A) => void : never;

/** The functions whose answer the chained success handler can take. */
type CallsAnswering<R> = {
  [K in keyof ServerFunctions as ReturnType<ServerFunctions[K]> extends R ? K : never]: ServerCall<ServerFunctions[K]>;
};

interface ScriptRunHandlers<R> {
  withSuccessHandler<A = unknown>(handler: (answer: A, userObject?: unknown) => void): ScriptRun<A>;
  withFailureHandler(handler: (error: Error | string, userObject?: unknown) => void): ScriptRun<R>;
  withUserObject(userObject: unknown): ScriptRun<R>;
}

type ScriptRun<R = unknown> = ScriptRunHandlers<R> & CallsAnswering<R>;

declare const google: { script: { run: ScriptRun; host: { close(): void } } };
