/**
 * What a passphrase field says about its value, if anything. A form clears the field the moment it sends
 * the passphrase, so an empty field is not a mistake by itself: it is one only after a submit attempt that
 * found it empty (`tried`). Leaving the field (a click on the submit button does) never turns the cleared
 * field into an error, and a wrong passphrase is main's answer, shown once, not the field's.
 */
export type PassphraseProblem = 'missing' | 'tooShort' | 'mismatch' | null;

export function passphraseProblem(value: string, tried: boolean, rules: { min?: number; repeatOf?: string } = {}): PassphraseProblem {
  if (value === '') {
    if (!tried) return null;
    if (rules.repeatOf !== undefined) return rules.repeatOf === '' ? null : 'mismatch';
    return rules.min === undefined ? 'missing' : 'tooShort';
  }
  if (rules.min !== undefined && value.length < rules.min) return 'tooShort';
  if (rules.repeatOf !== undefined && value !== rules.repeatOf) return 'mismatch';
  return null;
}
