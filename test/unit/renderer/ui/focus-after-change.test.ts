import { describe, expect, it } from 'vitest';
import { focusRunStatus } from '../../../../renderer/src/products/sign-de/run/run-progress';
import { vaultFormDone } from '../../../../renderer/src/state/vault-need';

// Where focus goes when the control that had it goes away (the browser would leave it on <body>).
describe('focus after a change of view', () => {
  it('the vault card’s heading, once its setup or unlock form did its job', () => {
    expect(vaultFormDone('setup', null)).toBe(true);
    expect(vaultFormDone('unlock', null)).toBe(true);
    expect(vaultFormDone(null, 'unlock')).toBe(false);
    expect(vaultFormDone(null, null)).toBe(false);
  });

  it('the run’s status line after a resume or start got going, and when the run stopped or ended', () => {
    expect(focusRunStatus('failed', 'running')).toBe(true);
    expect(focusRunStatus('cancelled', 'running')).toBe(true);
    expect(focusRunStatus('starting', 'running')).toBe(true);
    expect(focusRunStatus('running', 'done')).toBe(true);
    expect(focusRunStatus('running', 'failed')).toBe(true);
    expect(focusRunStatus('cancelling', 'cancelled')).toBe(true);
    // A refused cancel leaves the technician where they were.
    expect(focusRunStatus('cancelling', 'running')).toBe(false);
    expect(focusRunStatus('running', 'cancelling')).toBe(false);
  });
});
