import { CLIENT_CONCURRENCY } from '../../preload/contract/core/settings';
import { UsageError } from './exit-codes';

/** `--client-concurrency N`: how many POS clients register at once. */
export function parseClientConcurrency(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < CLIENT_CONCURRENCY.min || n > CLIENT_CONCURRENCY.max) {
    throw new UsageError(`--client-concurrency takes a whole number from ${CLIENT_CONCURRENCY.min} to ${CLIENT_CONCURRENCY.max} (default ${CLIENT_CONCURRENCY.default}).`);
  }
  return n;
}
