declare module 'gas-local' {
  export function require(
    folder: string,
    globals?: object,
    options?: { filter?: (f: string) => boolean },
  ): Record<string, unknown>;
  export const globalMockDefault: object;
}
