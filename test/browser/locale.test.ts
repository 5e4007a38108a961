/**
 * The emulator's clock shows and takes UK dates whatever the browser's
 * locale: an officer (or a newcomer) on an en-US browser still sees
 * 27/08/2026, as the sheets write it, never 08/27/2026.
 */
import { Officer } from './officer';
import { collectPageErrors, openSession, postApi, type Session } from './support';

jest.setTimeout(60_000);

let session: Session;

beforeAll(async () => {
  session = await openSession({ locale: 'en-US' });
});

afterAll(async () => {
  await session?.close();
});

describe('the emulator page in an en-US browser', () => {
  it('shows the clock day first, moves it, and takes a day typed day first', async () => {
    const o = new Officer(session.page);
    const errors = collectPageErrors(session.page);
    // Set-up: the morning of GCSE results day.
    await postApi(session, '/api/clock', { today: '2026-08-20' });
    await o.open(session.server.url);
    expect(await session.page.evaluate(() => navigator.language)).toBe('en-US');
    expect(await o.today()).toBe('20/08/2026');

    await o.addDays(7);
    expect(await o.today()).toBe('27/08/2026');

    // Typed day first, with or without leading zeros.
    const field = session.page.getByLabel('Today', { exact: true });
    await field.fill('1/9/2026');
    await o.andRefresh(() => field.press('Enter'));
    expect(await o.today()).toBe('01/09/2026');
    const state = (await (await fetch(new URL('/api/state', session.server.url))).json()) as { today: string };
    expect(state.today).toBe('2026-09-01');

    // Not a day: said so, and the clock stays where it was.
    await field.fill('13/13/2026');
    await field.press('Enter');
    await o.banner(/"13\/13\/2026" is not a day: type it as dd\/mm\/yyyy/).waitFor();
    expect(await o.today()).toBe('01/09/2026');
    expect(errors).toEqual([]);
  });
});
