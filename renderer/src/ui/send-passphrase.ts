/**
 * What a passphrase form's call answers when it did nothing with the passphrase (the technician cancelled
 * the save dialog it opened): the form puts the passphrase back, so it need not be typed again.
 */
export const KEEP_PASSPHRASE: unique symbol = Symbol('keep the passphrase');

/** Clears the field before the call (the passphrase stays in memory no longer than needed), refills it on KEEP_PASSPHRASE. */
export async function sendPassphrase(value: string, onPassphrase: (passphrase: string) => Promise<unknown>, setField: (value: string) => void): Promise<void> {
  setField('');
  if ((await onPassphrase(value)) === KEEP_PASSPHRASE) setField(value);
}
