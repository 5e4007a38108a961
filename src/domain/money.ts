/**
 * Money as families and the officer read it: '£48.65', '£1,048.00'. One
 * formatter for every email, letter, list and page, so a fee never shows as
 * '48.65' in one place and '£48.65' in another.
 */

/** '£48.65', '£1,048.00', '£0.00'; '' for no amount. */
export function formatMoney(amount: number | null | undefined): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return '';
  const negative = amount < 0;
  const [whole, pence] = Math.abs(amount).toFixed(2).split('.');
  return `${negative ? '-' : ''}£${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${pence}`;
}

/** A fee: '£48.65'; nothing to pay (0 or no fee) is 'Free'. */
export function formatFee(fee: number | null | undefined): string {
  if (fee === null || fee === undefined || !Number.isFinite(fee) || fee <= 0) return 'Free';
  return formatMoney(fee);
}
