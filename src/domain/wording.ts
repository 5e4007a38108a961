/**
 * How values read inside the officer's messages: a typed value quoted and cut
 * short, a service's name with its article, a sentence's capital.
 */
import { CATALOGUE } from './catalogue';
import type { ServiceCode } from './types';

/** A value echoed in a message: quoted, and cut short so a tampered value cannot flood the sidebar. */
export function quote(s: string): string {
  const chars = Array.from(s);
  return JSON.stringify(chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : s);
}

/** 'a review of marking', 'an appeal': a service's name as it reads mid-sentence. */
export function withArticle(code: ServiceCode): string {
  const name = CATALOGUE[code].name.toLowerCase();
  return `${/^[aeiou]/.test(name) ? 'an' : 'a'} ${name}`;
}

export function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
