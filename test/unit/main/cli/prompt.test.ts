import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { describeFailure } from '../../../../main/cli/error-report';
import { EXIT } from '../../../../main/cli/exit-codes';
import { promptHidden } from '../../../../main/cli/prompt';

/** A terminal as readline sees one: keys typed into `input`, raw mode switched, what is shown collected. */
function fakeTerminal() {
  const input = Object.assign(new PassThrough(), { isTTY: true, isRaw: false, setRawMode(raw: boolean) { input.isRaw = raw; return input; } });
  let shown = '';
  const output = new Writable({ write(chunk, _encoding, done) { shown += String(chunk); done(); } });
  return { input, raw: () => input.isRaw, output, shown: () => shown, type: (keys: string) => input.write(keys) };
}

describe('promptHidden on a terminal', () => {
  it('returns the typed answer without showing it', async () => {
    const tty = fakeTerminal();
    const answer = promptHidden('Passphrase: ', 'TSS_COMPANION_PASSPHRASE', tty.input, tty.output);
    tty.type('geheim\r');
    await expect(answer).resolves.toBe('geheim');
    expect(tty.shown()).toContain('Passphrase: ');
    expect(tty.shown()).not.toContain('geheim');
  });

  it('ends with exit 130 on Ctrl+C (a key in raw mode, no signal), and leaves raw mode (review #7)', async () => {
    const tty = fakeTerminal();
    const answer = promptHidden('Passphrase of this laptop’s vault: ', 'TSS_COMPANION_PASSPHRASE', tty.input, tty.output);
    tty.type('geh');
    tty.type('\x03');
    const error = await answer.then(() => null, (e: unknown) => e);
    expect(describeFailure(error)).toMatchObject({ code: 'E_CANCELLED', exit: EXIT.cancelled });
    expect(describeFailure(error).message).toMatch(/Ctrl\+C at "Passphrase of this laptop’s vault"/);
    expect(tty.raw()).toBe(false);
  });

  it('ends with a usage error when the input ends (Ctrl+D) without an answer', async () => {
    const tty = fakeTerminal();
    const answer = promptHidden('Passphrase: ', 'TSS_COMPANION_PASSPHRASE', tty.input, tty.output);
    tty.type('\x04');
    const error = await answer.then(() => null, (e: unknown) => e);
    expect(describeFailure(error)).toMatchObject({ code: 'E_USAGE', exit: EXIT.usage });
  });

  it('refuses without a terminal, naming the variable that gives the answer', async () => {
    const input = Object.assign(new PassThrough(), { isTTY: false });
    await expect(promptHidden('Passphrase: ', 'TSS_COMPANION_PASSPHRASE', input)).rejects.toThrow(/No terminal to ask "Passphrase": set TSS_COMPANION_PASSPHRASE/);
  });
});
