/**
 * Every page the add-on opens (each dist/*.html, served by the emulator with
 * its google.script.run shim, so it loads its real data) passes axe-core's
 * WCAG 2 A and AA rules with no serious or critical violation. So does the
 * emulator's own window, which reviewers and officers use too.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  collectPageErrors,
  describeViolations,
  openSession,
  ROOT,
  screenshot,
  seriousViolations,
  type Session,
} from './support';

jest.setTimeout(60_000);

let session: Session;

beforeAll(async () => {
  session = await openSession({ viewport: { width: 300, height: 900 } });
});

afterAll(async () => {
  await session?.close();
});

// Read when the file loads: jest's globalSetup has built dist/ by then.
const PAGES = readdirSync(join(ROOT, 'dist'))
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.replace(/\.html$/, ''))
  .sort();

describe('accessibility (axe-core, WCAG 2 A and AA)', () => {
  it('finds the built pages to audit', () => {
    expect(PAGES).toContain('Sidebar');
  });

  it('the audit catches a form control with no label and text too faint to read', async () => {
    const page = await session.context.newPage();
    try {
      await page.setContent(
        '<!doctype html><html lang="en"><head><title>bad</title></head><body><main>' +
          '<input type="text"><p style="color:#ccc;background:#fff">faint</p></main></body></html>',
      );
      const ids = (await seriousViolations(page)).map((v) => v.id).sort();
      expect(ids).toEqual(['color-contrast', 'label']);
    } finally {
      await page.close();
    }
  });

  it.each(PAGES)('%s has no serious or critical violation once its data has loaded', async (name) => {
    const page = await session.context.newPage();
    const errors = collectPageErrors(page);
    try {
      await page.goto(new URL(`/sidebar/${name}`, session.server.url).href, { waitUntil: 'networkidle' });
      await screenshot(page, `page-${name}`);
      expect(describeViolations(await seriousViolations(page))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the New request form still has none with every error showing', async () => {
    const page = await session.context.newPage();
    try {
      await page.goto(new URL('/sidebar/Sidebar', session.server.url).href, { waitUntil: 'networkidle' });
      await page.getByRole('button', { name: 'Save request' }).click();
      await page.getByRole('alert').filter({ hasText: /\S/ }).first().waitFor();
      await screenshot(page, 'page-Sidebar-errors');
      expect(describeViolations(await seriousViolations(page))).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("the emulator's own window has none, with the sidebar open", async () => {
    const page = await session.context.newPage();
    try {
      await page.setViewportSize({ width: 1400, height: 900 });
      await page.goto(session.server.url, { waitUntil: 'networkidle' });
      await page.getByRole('button', { name: 'Open sidebar' }).click();
      await page.frameLocator('#panel-frame').getByRole('heading', { name: 'New request' }).waitFor();
      expect(describeViolations(await seriousViolations(page))).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
