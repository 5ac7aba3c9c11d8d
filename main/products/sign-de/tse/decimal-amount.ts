/**
 * Money as scaled BigInt: the API allows up to 5 decimals and sums must be exact, which floats are not.
 */

const SCALE_DIGITS = 5;
const SCALE = 10n ** BigInt(SCALE_DIGITS);
const AMOUNT = /^(-?)(\d+)\.(\d{2,5})$/;

/** Parses an API amount (`^-?\d+(\.\d{2,5})$`) into hundred-thousandths; undefined when it does not match. */
export function parseAmount(text: string): bigint | undefined {
  const match = AMOUNT.exec(text);
  if (!match) return undefined;
  const [, sign, whole = '0', fraction = ''] = match;
  const value = BigInt(whole) * SCALE + BigInt(fraction.padEnd(SCALE_DIGITS, '0'));
  return sign === '-' ? -value : value;
}

/** Two decimals, extra decimals cut off towards zero (never rounded), no "-0.00". */
export function formatAmount(value: bigint): string {
  const cents = value / 10n ** BigInt(SCALE_DIGITS - 2);
  const magnitude = cents < 0n ? -cents : cents;
  const text = `${magnitude / 100n}.${(magnitude % 100n).toString().padStart(2, '0')}`;
  return cents < 0n ? `-${text}` : text;
}
