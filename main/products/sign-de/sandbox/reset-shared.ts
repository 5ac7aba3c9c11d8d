import { AppError } from '../../../core/errors';
import type { SandboxSeed } from './v1/options';

/**
 * Empties the built-in sandbox while it runs, whichever process serves it: its control route forgets every
 * TSS, client, transaction and export and every token (the organizations, the CA and the state file stay;
 * the reset is saved before it answers). With a seed, the seed's data is added after the reset. Loopback only: the address comes from the sandbox itself.
 */
export async function resetSharedSandbox(baseUrl: string, seed?: SandboxSeed): Promise<void> {
  const url = new URL(baseUrl);
  if (url.hostname !== '127.0.0.1') throw new AppError('E_SANDBOX_RESET_FAILED', 'The built-in sandbox answers only on this computer; it was not reset.');
  let response: Response;
  try {
    response = await fetch(`${url.origin}/_sandbox/reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(seed ? { seed } : {}),
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    throw new AppError('E_SANDBOX_RESET_FAILED', 'The built-in sandbox did not answer, so it was not reset. Try again.');
  }
  await response.body?.cancel().catch(() => {});
  if (!response.ok) throw new AppError('E_SANDBOX_RESET_FAILED', `The built-in sandbox refused the reset (HTTP ${response.status}). Try again.`);
}
