import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const PAGE = join(resolve(__dirname, '..', '..'), 'emulator', 'page');

/**
 * The browser tests of issue 10 drive the page for real; these guard the two
 * rules that keep sheet text from becoming markup, whatever a later edit does.
 */
describe('emulator page', () => {
  it('never parses data as HTML', () => {
    const source = readFileSync(join(PAGE, 'app.ts'), 'utf8');
    expect(source).not.toMatch(/\.(innerHTML|outerHTML)\b|insertAdjacentHTML|document\.write|createContextualFragment/);
  });

  it('renders email HTML only in a fully sandboxed frame', () => {
    const source = readFileSync(join(PAGE, 'app.ts'), 'utf8').replace(/\/\/.*$/gm, '');
    expect(source).toMatch(/h\('iframe', \{ sandbox: ''/);
    expect(source).not.toMatch(/allow-scripts|allow-same-origin/);
  });

  it('has no inline script, so the page can forbid inline scripts', () => {
    const html = readFileSync(join(PAGE, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });
});
