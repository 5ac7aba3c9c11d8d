import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../main/products/sign-de/sandbox/server';
import { productIds, sandboxBaseUrl } from '../../../preload/contract/core/products';
import { startSandbox } from '../../support/sandbox-api';
import { runCliProcess } from '../../support/cli-process';
import { makeTempDir } from '../../support/temp-dir';


const cli = (args: string[], env: Record<string, string> = {}) => runCliProcess(args, { env });

describe('tss-companion connect', () => {
  const dir = makeTempDir();
  const dataDir = ['--data-dir', dir.path];
  let sandbox: Sandbox;
  beforeAll(async () => {
    ({ sandbox } = await startSandbox({ organizations: [{ apiKey: 'live-key', apiSecret: 'live-secret-value', env: 'LIVE' }] }));
  });
  afterAll(async () => {
    await sandbox.close();
    dir.remove();
  });

  it('logs in to every product of the data folder’s sandbox with its default key: exit 0, JSON without a token', async () => {
    for (const product of productIds) {
      const result = await cli(['connect', '--product', product, '--sandbox', '--json', ...dataDir]);
      expect(result.code, result.stderr).toBe(0);
      const report = JSON.parse(result.stdout) as Record<string, unknown>;
      expect(report).toMatchObject({ product, environment: 'TEST', organizationId: '9f5c3b7e-1d2a-4c8b-9e6f-0a1b2c3d4e5f', scope: null, sandbox: true });
      expect(String(report.baseUrl)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
      expect(Date.parse(String(report.expiresAt))).toBeGreaterThan(Date.now());
      expect(Object.keys(report).sort()).toEqual(['baseUrl', 'environment', 'expiresAt', 'organizationId', 'product', 'sandbox', 'scope']);
      expect(result.stdout).not.toMatch(/eyJ|token"|secret/i);
    }
  }, 60_000);

  it('uses FISKALY_API_KEY and FISKALY_API_SECRET with --base-url, and prints a scoped Unified login in words', async () => {
    const env = { FISKALY_API_KEY: 'live-key', FISKALY_API_SECRET: 'live-secret-value' };
    const result = await cli(['connect', '--product', 'unified', '--scope', 'unit-9', '--base-url', sandboxBaseUrl(sandbox.url, 'unified'), ...dataDir], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Unified API \(SIGN IT, SIGN FR, E-Invoice\): logged in at http:\/\/127\.0\.0\.1:\d+\/unified\n/);
    expect(result.stdout).toContain('environment:   LIVE');
    expect(result.stdout).toContain(`organization:  ${sandbox.organizations[0]!.id}`);
    expect(result.stdout).toContain('scope:         unit-9');
    expect(result.stdout).toMatch(/token expires: \d{4}-\d\d-\d\dT/);
    expect(result.stdout).not.toContain('live-secret-value');
  });

  it('exits 3 with one line (and with --json the failure as JSON) when fiskaly refuses the key and secret, naming neither', async () => {
    const env = { FISKALY_API_KEY: 'live-key', FISKALY_API_SECRET: 'wrong-secret-value' };
    for (const product of ['sign-at', 'sign-es'] as const) {
      const result = await cli(['connect', '--product', product, '--base-url', sandboxBaseUrl(sandbox.url, product), '--json', ...dataDir], env);
      expect(result.code).toBe(3);
      expect(JSON.parse(result.stdout)).toEqual({ error: { code: 'E_UNAUTHORIZED', message: expect.stringMatching(/refused the API key and secret/), exit: 3 } });
      expect(result.stdout).not.toContain('wrong-secret-value');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/refused the API key and secret/);
      expect(result.stderr).not.toContain('wrong-secret-value');
    }
  });

  it('exits 2 on bad arguments, before any network or data folder', async () => {
    const keys = { FISKALY_API_KEY: 'k', FISKALY_API_SECRET: 's' };
    const cases: Array<[string[], Record<string, string>, RegExp]> = [
      [['connect', '--sandbox'], {}, /needs --product/],
      [['connect', '--product', 'sign-xx', '--sandbox'], {}, /not known/],
      [['connect', '--product', 'sign-de', '--scope', 'unit-1', '--sandbox'], {}, /--scope is for the Unified API/],
      [['connect', '--product', 'unified', '--scope', 'bad scope', '--sandbox'], {}, /organization unit id/],
      [['connect', '--product', 'sign-at'], {}, /--sandbox or --base-url/],
      [['connect', '--product', 'sign-at', '--sandbox', '--base-url', 'http://127.0.0.1:1'], keys, /--sandbox or --base-url/],
      [['connect', '--product', 'sign-es', '--base-url', 'http://127.0.0.1:1'], {}, /FISKALY_API_KEY/],
      [['connect', '--product', 'sign-es', '--base-url', 'not a url'], keys, /not a URL/],
      [['connect', '--product', 'sign-es', '--sandbox'], { FISKALY_API_KEY: 'k' }, /both/],
      [['connect', '--product', 'sign-es', '--sandbox', '--token', 'x'], {}, /Unknown option/],
    ];
    const untouched = join(dir.path, 'never-created');
    const results = await Promise.all(cases.map(([args, env]) => cli([...args, '--data-dir', untouched], env)));
    results.forEach((result, i) => {
      expect(result.code, cases[i]![0].join(' ')).toBe(2);
      expect(result.stderr).toMatch(cases[i]![2]);
    });
    expect(existsSync(untouched)).toBe(false);
  }, 60_000);
});
