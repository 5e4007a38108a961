import { unpaidDigestBlock, unpaidRequests } from '../../src/domain/dailyCheck';
import { request } from './requestFixture';

describe('unpaid requests in the daily digest', () => {
  const today = '2026-09-01';
  const unpaid = request({ requestId: 'R-2026-0003', paid: 'no', received: '2026-08-20' });

  it('lists a request with a fee still unpaid more than the set number of days after it was received', () => {
    const list = unpaidRequests([unpaid, request({ requestId: 'R-2026-0004', paid: 'yes' })], today, 7);
    expect(list.map((r) => r.requestId)).toEqual(['R-2026-0003']);
    expect(unpaidDigestBlock(list, 7)).toBe(
      'Unpaid more than 7 days: ask for payment or import the payment report (1)\n' +
        '- R-2026-0003 Amy Brown (AQA): £48.65 unpaid since 20/08/2026',
    );
  });

  it('does not chase a request received within the days, a free one, or one withdrawn', () => {
    const list = unpaidRequests(
      [
        request({ paid: 'no', received: '2026-08-28' }),
        request({ paid: 'no', fee: 0 }),
        request({ paid: 'no', status: 'Withdrawn' }),
      ],
      today,
      7,
    );
    expect(list).toEqual([]);
    expect(unpaidDigestBlock(list, 7)).toBeNull();
  });
});
