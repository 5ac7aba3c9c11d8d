import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeFailure, failureLines } from '../../../../main/cli/error-report';
import { EXIT, UsageError } from '../../../../main/cli/exit-codes';
import { LockTimeoutError } from '../../../../main/core/durable/file-lock';
import { AppError } from '../../../../main/core/errors';
import { FiskalyError } from '../../../../main/products/sign-de/api/fiskaly-error';
import { ProvisioningError, RunCancelled } from '../../../../main/products/sign-de/provisioning/provisioning-error';
import { VaultError, VaultErrorCode } from '../../../../main/vault';

/** The real error each part throws, caught as the CLI catches it. */
async function caught(work: () => unknown): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
}

describe('every error the CLI can meet has its words and its exit code', () => {
  it.each([
    ['bad usage', () => new UsageError('--clients takes a whole number'), EXIT.usage, /^--clients takes a whole number$/],
    ['an unknown option', () => caught(() => parseArgs({ args: ['--nope'], options: {}, strict: true })), EXIT.usage, /Unknown option '--nope'.*--help/],
    ['a wrong passphrase', () => new VaultError(VaultErrorCode.wrongPassphrase, 'The passphrase is wrong.'), EXIT.vault, /passphrase is wrong/],
    ['a blocked PIN', () => new FiskalyError(423, 'E_ADMIN_PIN_BLOCKED', 'blocked'), EXIT.pinBlocked, /PUK recovery/],
    ['a run sent to the PUK recovery', () => new ProvisioningError('E_X', 'The admin PIN is blocked.', 'admin-login', 'puk-recovery'), EXIT.pinBlocked, /blocked/],
    ['a refusal by fiskaly', () => new FiskalyError(400, 'E_TSS_DISABLED', 'disabled'), EXIT.failed, /The TSS is disabled.*fiskaly: disabled/],
    ['a stopped run', () => new RunCancelled('clients'), EXIT.cancelled, /stopped before "clients"/],
    ['any app error', () => new AppError('E_SOMETHING', 'Something plain.'), EXIT.failed, /^Something plain\.$/],
    ['a busy data folder', () => new LockTimeoutError('/data/vault.json'), EXIT.failed, /Another TSS Companion process has held \/data\/vault\.json/],
    ['invalid input', () => caught(() => z.object({ port: z.number() }).parse({ port: 'x' })), EXIT.usage, /^invalid input: port: /],
    ['a missing file', () => caught(() => readFile(join('/nonexistent-tss-companion', 'runs', 'x.json'))), EXIT.failed, /^could not open \/nonexistent-tss-companion\/runs\/x\.json: it does not exist; check the path/],
    ['a damaged JSON file', () => caught(() => JSON.parse('{"v": 1,')), EXIT.failed, /could not be read as JSON.*damaged/],
    ['a plain error', () => new Error('the sandbox state file is unreadable'), EXIT.failed, /^the sandbox state file is unreadable; nothing was lost/],
    ['something thrown that is no error', () => 'a string', EXIT.failed, /^failed with string a string/],
  ])('%s', async (_name, make, exit, message) => {
    const report = describeFailure(await make());
    expect(report.exit).toBe(exit);
    expect(report.message).toMatch(message);
    expect(report.message).not.toMatch(/^unexpected/i);
  });

  it('prints nothing that could drive the terminal', () => {
    const line = failureLines(describeFailure(new Error('bad \u001b[2J name \u202e')));
    expect(line).toBe('tss-companion: bad \\u{1b}[2J name \\u{202e}; nothing was lost, run the command again');
  });
});
