import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../../../main/products/sign-de/sandbox/api-error';
import { RequestLimits, pendingResourceKey } from '../../../../../../main/products/sign-de/sandbox/request-limits';

describe('pendingResourceKey', () => {
  it('names the TSS, client, transaction or export a state-changing request works on', () => {
    expect(pendingResourceKey('PATCH', '/api/v2/tss/ABC')).toBe('abc');
    expect(pendingResourceKey('POST', '/api/v2/tss/abc/admin/auth')).toBe('abc');
    expect(pendingResourceKey('PUT', '/api/v2/tss/abc/tx/T1?tx_revision=2')).toBe('abc/tx/t1');
    expect(pendingResourceKey('PATCH', '/api/v2/tss/abc/client/c1/metadata')).toBe('abc/client/c1');
    expect(pendingResourceKey('DELETE', '/api/v2/tss/abc/export/e1')).toBe('abc/export/e1');
  });

  it('leaves reads and routes outside a TSS alone', () => {
    expect(pendingResourceKey('GET', '/api/v2/tss/abc')).toBeNull();
    expect(pendingResourceKey('POST', '/api/v2/auth')).toBeNull();
  });
});

describe('RequestLimits', () => {
  it('counts over a sliding minute and names the wait in Retry-After', () => {
    let now = 1000;
    const limits = new RequestLimits(() => now);
    limits.take('k', 2, 'x');
    now = 1030;
    limits.take('k', 2, 'x');
    now = 1040;
    const refused = (() => {
      try {
        limits.take('k', 2, 'x');
      } catch (error) {
        return error as ApiError;
      }
    })();
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ statusCode: 429, code: 'E_TOO_MANY_REQUESTS', headers: { 'Retry-After': '20' } });
    now = 1060;
    expect(() => limits.take('k', 2, 'x')).not.toThrow();
    expect(() => limits.take('other', 2, 'x')).not.toThrow();
  });
});
