/**
 * The properties adapter (src/sheets/properties.ts): one handle per store per
 * server call, since each getDocumentProperties() is a round trip, and the
 * counter it keeps still numbers the next request after a deleted row.
 */
import { SHEET } from '../../src/domain/schema';
import { reviewForm, setUpAddOn } from './harness';

const propertiesCalls = (calls: Record<string, number>) =>
  Object.fromEntries(Object.entries(calls).filter(([m]) => m.startsWith('Properties.PropertiesService.')));

describe('properties in one server call', () => {
  it('a Save fetches the document store once, however many keys it reads and writes', () => {
    const addOn = setUpAddOn();
    addOn.env.calls.reset();
    expect(addOn.run('submitRequest', reviewForm())).toMatchObject({ ok: true, requestId: 'R-2026-0001' });
    expect(propertiesCalls(addOn.env.calls.byMethod())).toEqual({
      'Properties.PropertiesService.getDocumentProperties': 1,
    });
    expect(addOn.env.properties.document.get('requestId.last.R.2026')).toBe('1');
  });

  it('the daily check fetches it once for its problems, last run, trigger owner and responses sheet (it used to fetch it for each)', () => {
    const addOn = setUpAddOn();
    addOn.env.properties.document.set('applications.sheet', 'Form responses 1');
    addOn.env.calls.reset();
    expect(addOn.run('runDailyCheck')).toMatchObject({ ok: true });
    expect(propertiesCalls(addOn.env.calls.byMethod())['Properties.PropertiesService.getDocumentProperties']).toBe(1);
    expect(JSON.parse(addOn.env.properties.document.get('dailyCheck.lastRun')!)).toMatchObject({ ok: true });
  });

  it('a second call fetches the store again and reads what the first wrote', () => {
    const addOn = setUpAddOn();
    addOn.run('submitRequest', reviewForm());
    // The row is deleted by hand: its ID must not be issued again.
    addOn.env.spreadsheet.getSheetByName(SHEET.requests)!.deleteRow(2);
    addOn.env.calls.reset();
    expect(addOn.run('submitRequest', reviewForm())).toMatchObject({ ok: true, requestId: 'R-2026-0002' });
    expect(propertiesCalls(addOn.env.calls.byMethod())['Properties.PropertiesService.getDocumentProperties']).toBe(1);
  });
});
