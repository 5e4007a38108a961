/**
 * The bundle as clasp pushes it: every entry point is a real top-level
 * function, and the script runs where there is no module system at all.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vm from 'node:vm';
import { contractFunctionNames, documentedFunctionNames } from './contract';

const DIST = join(__dirname, '..', '..', 'dist');
const code = readFileSync(join(DIST, 'Code.js'), 'utf8');

function bareContext(): vm.Context {
  // Apps Script style globals only: no require, process, module or exports.
  return vm.createContext({ console: { log() {}, error() {}, warn() {}, info() {} } });
}

describe('the built bundle (dist/)', () => {
  it('holds exactly the manifest, the server script and the sidebar pages', () => {
    const files = readdirSync(DIST).sort();
    expect(files).toContain('appsscript.json');
    expect(files).toContain('Code.js');
    expect(files).toContain('Sidebar.html');
    expect(files.every((f) => /\.(js|json|html)$/.test(f))).toBe(true);
  });

  it('loads into a bare vm context and defines every built contract function and entry point at top level', () => {
    const ctx = bareContext();
    for (const f of readdirSync(DIST).filter((f) => f.endsWith('.js'))) {
      vm.runInContext(readFileSync(join(DIST, f), 'utf8'), ctx, { filename: f });
    }
    const expected = [...contractFunctionNames(), 'onOpen', 'onInstall', 'showSidebar'];
    for (const name of expected) {
      expect({ name, type: typeof ctx[name] }).toEqual({ name, type: 'function' });
      // A real declaration, not an assignment: Apps Script lists only these in its menus and run box.
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    }
  });

  it('exposes no global function that docs/contract.md does not name', () => {
    const globals = [...code.matchAll(/^function ([A-Za-z_$][\w$]*)\(/gm)].map((m) => m[1]);
    expect(globals.length).toBeGreaterThan(20);
    const documented = documentedFunctionNames();
    expect(globals.filter((n) => !documented.includes(n))).toEqual([]);
  });

  it('uses no module system or Node API', () => {
    expect(code).not.toMatch(/\brequire\s*\(/);
    expect(code).not.toMatch(/\bprocess\s*\./);
    expect(code).not.toMatch(/\bmodule\s*\.\s*exports/);
    expect(code).not.toMatch(/\bexports\s*\./);
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('ships a V8 manifest in Europe/London with the narrow scopes only (drive.file: the SLT view file the add-on made, nothing else in Drive)', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Europe/London');
    expect([...manifest.oauthScopes].sort()).toEqual(
      [
        'https://www.googleapis.com/auth/script.container.ui',
        'https://www.googleapis.com/auth/script.scriptapp',
        'https://www.googleapis.com/auth/script.send_mail',
        'https://www.googleapis.com/auth/spreadsheets.currentonly',
        'https://www.googleapis.com/auth/drive.file',
      ].sort(),
    );
    expect(manifest.dependencies.enabledAdvancedServices).toEqual([
      { userSymbol: 'Sheets', version: 'v4', serviceId: 'sheets' },
      { userSymbol: 'Drive', version: 'v3', serviceId: 'drive' },
    ]);
  });

  it('inlines each sidebar page: no external script or stylesheet, and no unfilled build marker', () => {
    for (const page of readdirSync(DIST).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(join(DIST, page), 'utf8');
      expect(html).not.toMatch(/<script[^>]+src=/i);
      expect(html).not.toMatch(/<link[^>]+stylesheet/i);
      expect(html).not.toContain('inline:');
      expect(html).toMatch(/<style>/);
    }
  });
});
