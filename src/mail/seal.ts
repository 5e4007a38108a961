/**
 * The key that seals the mail queue, kept in the user properties of whoever
 * sends (PropertiesService.getUserProperties: only that user, only this
 * script, can read it; no editor of the spreadsheet can). It is made the
 * first time that user queues an email, with Utilities.getUuid (random).
 *
 * Who sends: the officer's own runs (Reminders page, Send queued emails,
 * recording an outcome) run as her; the daily trigger runs as the account
 * that installed it, which is whoever ran Set up sheets, normally the
 * officer. So the officer's rows verify in both. A row queued by another
 * user (a Log editor recording an outcome) is sealed with that user's key and
 * sent in that user's own run; if it is still queued when the daily run
 * meets it, it is refused there, reported, and the officer sends it again.
 */
import { mailSealKey, setMailSealKey } from '../sheets/properties';
import { sealPayload, sealsMatch, type SealedFields } from '../domain/mailSeal';

export interface Sealer {
  seal(fields: SealedFields): string;
  verify(fields: SealedFields, seal: string): boolean;
}

function key(): string {
  const have = mailSealKey();
  if (have !== null && have.length >= 32) return have;
  const made = `${Utilities.getUuid()}${Utilities.getUuid()}`.replace(/-/g, '');
  setMailSealKey(made);
  return made;
}

/** One per run: the key is read (or made) once, when first needed. */
export function sealer(): Sealer {
  let k: string | null = null;
  const seal = (fields: SealedFields) => {
    k ??= key();
    return Utilities.base64Encode(Utilities.computeHmacSha256Signature(sealPayload(fields), k));
  };
  return {
    seal,
    verify: (fields, given) => sealsMatch(seal(fields), given),
  };
}
