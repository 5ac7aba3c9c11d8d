import { describe, expect, it } from 'vitest';
import { passphraseProblem } from '../../../../renderer/src/ui/passphrase-problem';

// The field is cleared the moment the passphrase is sent, and a click on the submit button has left the
// field: an empty field must say nothing then (it used to say "too short" or "enter the passphrase").
describe('what a passphrase field says', () => {
  it('nothing while the sent passphrase is processed, after a wrong one, or beside a success', () => {
    expect(passphraseProblem('', false)).toBeNull();
    expect(passphraseProblem('', false, { min: 12 })).toBeNull();
    expect(passphraseProblem('', false, { repeatOf: '' })).toBeNull();
  });

  it('"missing" (or "too short" for a new one) only after a submit that found it empty', () => {
    expect(passphraseProblem('', true)).toBe('missing');
    expect(passphraseProblem('', true, { min: 12 })).toBe('tooShort');
    expect(passphraseProblem('short', false, { min: 12 })).toBe('tooShort');
    expect(passphraseProblem('long enough one', true, { min: 12 })).toBeNull();
  });

  it('a repeat that differs, once there is something to differ from', () => {
    expect(passphraseProblem('', true, { repeatOf: 'long enough one' })).toBe('mismatch');
    expect(passphraseProblem('long enough on', false, { repeatOf: 'long enough one' })).toBe('mismatch');
    expect(passphraseProblem('', true, { repeatOf: '' })).toBeNull();
    expect(passphraseProblem('same', true, { repeatOf: 'same' })).toBeNull();
  });
});
