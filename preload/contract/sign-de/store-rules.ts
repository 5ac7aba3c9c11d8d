/**
 * fiskaly's and DSFinV-K's rules for what a technician types in, as plain values: the renderer checks
 * inline with them, the plan schema enforces them. DSFinV-K forbids `/` and `_` in a client serial.
 */
export const CLIENT_SERIAL_PATTERN = /^(?!\s)[A-Za-z0-9 '()+,\-.:=?]{1,70}(?<!\s)$/;
/**
 * The key two client serials are the same by: fiskaly and ELSTER tell serials apart by case, a technician
 * reading a label does not, so KASSE-1 and kasse-1 are twins. The plan, the wizard and main all use this one rule.
 */
export function serialKey(serial: string): string {
  return serial.toLowerCase();
}

export const TSS_DESCRIPTION_PATTERN = /^[A-Za-z0-9 '()+,\-./:=?]{0,100}$/;
export const MAX_CLIENTS = 199;
export const MAX_ACTIVE_TRANSACTIONS = 2000;
export const MIN_PIN_LENGTH = 6;
export const MAX_PIN_LENGTH = 64;
export const STORE_NAME_MAX = 100;
export const STORE_ADDRESS_MAX = 300;
