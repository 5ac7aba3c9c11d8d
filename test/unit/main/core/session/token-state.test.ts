import { describe, expect, it } from 'vitest';
import { readTokenAnswer } from '../../../../../main/core/session/token-state';

const NOW = 1_800_000_000;
const jwt = (claims: Record<string, unknown>) => `eyJhbGciOiJFUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2ln`;

describe('reading an auth answer', () => {
  it('takes SIGN DE’s documented fields as they are', () => {
    const answer = {
      access_token: 'opaque',
      access_token_claims: { env: 'LIVE', organization_id: 'org-1' },
      access_token_expires_in: 86_400,
      refresh_token: 'refresh',
      refresh_token_expires_in: 172_800,
    };
    expect(readTokenAnswer(answer, NOW)).toEqual({
      access: 'opaque',
      accessExpiresAt: NOW + 86_400,
      refresh: 'refresh',
      refreshExpiresAt: NOW + 172_800,
      env: 'LIVE',
      organizationId: 'org-1',
    });
    expect(readTokenAnswer({ ...answer, access_token_expires_at: NOW + 5 }, NOW)?.accessExpiresAt).toBe(NOW + 5);
  });

  it('reads environment, organization and expiry from the JWT where the answer gives only the token', () => {
    expect(readTokenAnswer({ access_token: jwt({ env: 'TEST', organization: 'org-2', exp: NOW + 30 }) }, NOW)).toMatchObject({
      env: 'TEST',
      organizationId: 'org-2',
      accessExpiresAt: NOW + 30,
      refresh: null,
      refreshExpiresAt: 0,
    });
    expect(readTokenAnswer({ access_token: jwt({}), expires_in: 90 }, NOW)).toMatchObject({ env: null, organizationId: null, accessExpiresAt: NOW + 90 });
  });

  it('reads an answer in a content envelope, and gives an opaque token without a lifetime ten minutes', () => {
    expect(readTokenAnswer({ content: { access_token: 'opaque' } }, NOW)).toMatchObject({ access: 'opaque', accessExpiresAt: NOW + 600, env: null });
  });

  it('has nothing for an answer without an access token', () => {
    for (const answer of [null, 'token', [], {}, { access_token: '' }, { access_token: 5 }, { content: {} }]) expect(readTokenAnswer(answer, NOW)).toBeNull();
  });
});
