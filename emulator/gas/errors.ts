/** Apps Script's wording for the errors a script most often provokes. */

function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return Array.isArray(v[0]) ? 'Object[][]' : 'Object[]';
  if (Object.prototype.toString.call(v) === '[object Date]') return 'Date';
  switch (typeof v) {
    case 'string':
      return 'String';
    case 'number':
      return 'number';
    case 'boolean':
      return 'Boolean';
    default:
      return (v as object).constructor?.name ?? 'Object';
  }
}

/** e.g. `The parameters (String,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.` */
export function signatureError(method: string, args: readonly unknown[]): Error {
  return new Error(`The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${method}.`);
}

export function isInteger(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}
