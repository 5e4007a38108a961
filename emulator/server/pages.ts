/**
 * The page server: the emulator's own page (built from emulator/page/ once
 * per start) and the add-on's sidebar and dialog pages, each with the
 * google.script.run shim (../shim.ts) put in before its scripts.
 */
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { injectShim } from '../shim';
import type { Emulator } from './emulator';
import { HttpError, decodePathPart, send } from './http';

export interface PageAssets {
  html: string;
  css: string;
  js: string;
}

/** The emulator's page from `pageDir` (emulator/page/): its script bundled for the browser. */
export function buildPage(pageDir: string): PageAssets {
  const out = esbuild.buildSync({
    entryPoints: [join(pageDir, 'app.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
  });
  return {
    html: readFileSync(join(pageDir, 'index.html'), 'utf8'),
    css: readFileSync(join(pageDir, 'style.css'), 'utf8'),
    js: out.outputFiles[0].text,
  };
}

const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Emails' HTML is shown in sandboxed srcdoc frames, which inherit this policy; inline styles are common there.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "frame-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Answers a GET for the emulator's page, its assets or a sidebar page; false for any other path. */
export function servePage(res: ServerResponse, path: string, page: PageAssets, emulator: Emulator): boolean {
  if (path === '/') {
    send(res, 200, 'text/html; charset=utf-8', page.html, { 'Content-Security-Policy': PAGE_CSP });
    return true;
  }
  if (path === '/page.css') {
    send(res, 200, 'text/css; charset=utf-8', page.css);
    return true;
  }
  if (path === '/page.js') {
    send(res, 200, 'text/javascript; charset=utf-8', page.js);
    return true;
  }
  if (path === '/favicon.ico') {
    send(res, 204, 'text/plain', '');
    return true;
  }
  const sidebar = /^\/sidebar\/([^/]+)$/.exec(path);
  if (!sidebar) return false;
  const html = sidebar[1] === 'current' ? panelHtml(emulator) : pageHtml(emulator, decodePathPart(sidebar[1]));
  if (html === undefined)
    throw new HttpError(404, sidebar[1] === 'current' ? 'No sidebar is open' : 'No such page in dist/');
  send(res, 200, 'text/html; charset=utf-8', html, { 'X-Frame-Options': 'SAMEORIGIN' });
  return true;
}

/** The sidebar or dialog the last call opened. */
function panelHtml(emulator: Emulator): string | undefined {
  const html = emulator.panelContent();
  return html === undefined ? undefined : injectShim(html);
}

/** A page of dist/ by name, as if the add-on had opened it. */
function pageHtml(emulator: Emulator, page: string): string | undefined {
  if (!/^[\w-]+$/.test(page) || !Object.prototype.hasOwnProperty.call(emulator.htmlFiles, page)) return undefined;
  return injectShim(emulator.htmlFiles[page]);
}
