import { describe, expect, it } from 'vitest';
import { explain } from '../../../../../../main/products/sign-de/api/explanations';
import { FiskalyError } from '../../../../../../main/products/sign-de/api/fiskaly-error';
import { ExportSchema, TransactionSchema, TssSchema } from '../../../../../../main/products/sign-de/api/resources';
import { backoffDelay, parseRetryAfter, pendingDelay } from '../../../../../../main/products/sign-de/api/retry-policy';

const tss = { _id: 't1', state: 'INITIALIZED', serial_number: 'ab', public_key: 'BPcf' };

describe('fiskaly resources', () => {
  it('reads counters given as strings (TSS) or numbers (transactions), as the real API mixes them', () => {
    expect(TssSchema.parse({ ...tss, signature_counter: '41', transaction_counter: 7 })).toMatchObject({ signatureCounter: '41', transactionCounter: '7' });
    const tx = TransactionSchema.parse({ _id: 'x', tss_id: 't1', client_id: 'c', state: 'FINISHED', number: 1, signature: { value: 'v', algorithm: 'a', counter: 42, public_key: 'p' } });
    expect(tx.signature?.counter).toBe('42');
    expect(TransactionSchema.parse({ _id: 'x', tss_id: 't1', client_id: 'c', state: 'ACTIVE', number: '3' }).number).toBe(3);
  });

  it('reads an export’s estimated completion, and takes a missing or null one as no estimate', () => {
    const base = { _id: 'e1', tss_id: 't1', state: 'WORKING', time_request: 1_700_000_000, time_start: 1_700_000_001 };
    expect(ExportSchema.parse({ ...base, estimated_time_of_completion: 1_700_000_600 })).toMatchObject({ estimatedCompletion: 1_700_000_600, timeStart: 1_700_000_001 });
    expect(ExportSchema.parse(base).estimatedCompletion).toBeUndefined();
    expect(ExportSchema.parse({ ...base, estimated_time_of_completion: null }).estimatedCompletion).toBeUndefined();
    expect(ExportSchema.parse({ ...base, state: 'ERROR', exception: 'E_INTERNAL', time_error: 1_700_000_009 })).toMatchObject({ exception: 'E_INTERNAL', timeError: 1_700_000_009 });
  });

  it('fills missing optional fields and keeps a future TSS state it does not know', () => {
    const parsed = TssSchema.parse({ ...tss, state: 'SUSPENDED' });
    expect(parsed).toMatchObject({ state: 'SUSPENDED', known: false, signatureCounter: null, maxRegisteredClients: 199, maxActiveTransactions: 2000, metadata: {} });
    expect(TssSchema.parse(tss).known).toBe(true);
  });
});

describe('fiskaly errors', () => {
  it('explain what to do next in German and English', () => {
    expect(explain('E_ADMIN_PIN_BLOCKED', 423).en).toMatch(/PUK recovery/);
    expect(explain('E_ADMIN_PIN_BLOCKED', 423).de).toMatch(/PUK-Wiederherstellung/);
    expect(explain('E_TX_LIMIT_REACHED', 400).en).toMatch(/close open transactions/i);
    expect(explain('E_SOMETHING_NEW', 503).en).toMatch(/resume/);
  });

  it('are retryable only for 5xx, 429, 444 (a request on the same resource pending), 499 and no answer at all', () => {
    expect([0, 429, 444, 499, 500, 503].map((s) => new FiskalyError(s, 'X', '').retryable)).toEqual([true, true, true, true, true, true]);
    expect([400, 401, 404, 409, 423].map((s) => new FiskalyError(s, 'X', '').retryable)).toEqual([false, false, false, false, false]);
    expect(new FiskalyError(444, 'E_MIDDLEWARE_PENDING_REQUEST', '').pending).toBe(true);
    expect(new FiskalyError(429, 'E_TOO_MANY_REQUESTS', '').pending).toBe(false);
  });

  it('explain the codes of the stricter API in German and English, and 429 and 444 even without a code', () => {
    for (const code of ['E_MIDDLEWARE_PENDING_REQUEST', 'E_TX_NO_TYPE_DEFINED', 'E_TOO_MANY_REQUESTS', 'E_EXPORT_NOT_COMPLETED', 'E_TOO_MANY_EXPORTS']) {
      const { de, en } = explain(code, 400);
      expect(de).not.toBe(explain('E_SOMETHING_NEW', 400).de);
      expect(en).not.toBe(explain('E_SOMETHING_NEW', 400).en);
    }
    expect(explain('E_TX_NO_TYPE_DEFINED', 409).en).toMatch(/process type/);
    expect(explain('E_TX_NO_TYPE_DEFINED', 409).de).toMatch(/Vorgangstyp/);
    expect(explain('HTTP_429', 429)).toEqual(explain('E_TOO_MANY_REQUESTS', 429));
    expect(explain('HTTP_444', 444).en).toMatch(/earlier request/);
    expect(explain('HTTP_444', 444).de).toMatch(/frühere Anfrage/);
  });
});

describe('retry policy', () => {
  it('backs off exponentially with full jitter up to the cap', () => {
    const policy = { attempts: 6, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 60_000 };
    expect([1, 2, 3, 4, 5].map((a) => backoffDelay(policy, a, () => 0.999))).toEqual([99, 199, 399, 799, 999]);
    expect(backoffDelay(policy, 3, () => 0)).toBe(0);
  });

  it('waits at least half the ceiling after a 444, so the retry does not meet the same pending request', () => {
    const policy = { attempts: 6, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 60_000 };
    expect([1, 2, 3, 4, 5].map((a) => pendingDelay(policy, a, () => 0))).toEqual([50, 100, 200, 400, 500]);
    expect([1, 2, 5].map((a) => pendingDelay(policy, a, () => 0.999))).toEqual([99, 199, 999]);
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(parseRetryAfter('7')).toBe(7);
    expect(parseRetryAfter(new Date(Date.UTC(2026, 0, 1, 0, 0, 30)).toUTCString(), Date.UTC(2026, 0, 1))).toBe(30);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(undefined)).toBeNull();
  });
});
