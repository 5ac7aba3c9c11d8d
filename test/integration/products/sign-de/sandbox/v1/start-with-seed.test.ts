import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../../../../../main/cli/program';
import { sandboxArgv } from '../../../../../../main/cli/sandbox-command';
import { parseSandboxArgs, runSandboxCli } from '../../../../../../main/products/sign-de/sandbox/cli';
import type { Sandbox } from '../../../../../../main/products/sign-de/sandbox/server';
import { V1_STORE_SEED } from '../../../../../../main/products/sign-de/sandbox/v1/seed';
import { signDeRequestSchemas } from '../../../../../../preload/contract/sign-de/schemas';
import { type Services, createServices } from '../../../../../../main/services';
import { SandboxV1Api } from '../../../../../support/sandbox-v1-api';
import { makeTempDir } from '../../../../../support/temp-dir';

describe('starting the sandbox with the v1-store seed', () => {
  let sandbox: Sandbox | null = null;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = null;
  });

  it('npm run sandbox -- --seed v1-store: serves /api/v1 with the store and says so', async () => {
    const lines: string[] = [];
    sandbox = await runSandboxCli(['--port', '0', '--seed', 'v1-store'], (line) => lines.push(line));
    const origin = new URL(sandbox.url).origin;
    expect(lines).toContain(`fiskaly SIGN DE v1 (same keys) at ${origin}/api/v1`);
    expect(lines.some((line) => line.startsWith('seed v1-store:') && line.includes(V1_STORE_SEED.tssId))).toBe(true);
    const v1 = new SandboxV1Api(sandbox);
    await v1.login();
    expect((await v1.request('GET', `/tss/${V1_STORE_SEED.tssId}`)).body.state).toBe('INITIALIZED');
  });

  it('refuses an unknown seed with one line and the usage', () => {
    expect(() => parseSandboxArgs(['--seed', 'v2-store'])).toThrow(/--seed: must be one of: v1-store/);
    expect(parseSandboxArgs(['--seed', 'v1-store']).seed).toBe('v1-store');
  });

  it('tss-companion sandbox --seed v1-store hands the seed on to the sandbox', async () => {
    const { name, parsed } = await parseCommandLine(['sandbox', '--port', '0', '--seed', 'v1-store']);
    expect(name).toBe('sandbox');
    const argv = sandboxArgv(parsed.values, {});
    expect(argv).toEqual(expect.arrayContaining(['--seed', 'v1-store']));
    expect(parseSandboxArgs(argv).seed).toBe('v1-store');
  });
});

describe("the app's sandbox reset with the seed (channel sandbox:reset)", () => {
  let dir: ReturnType<typeof makeTempDir>;
  let services: Services;
  afterEach(async () => {
    await services?.close();
    dir?.remove();
  });

  it('validates the seed in the contract', () => {
    const schema = signDeRequestSchemas['sandbox:reset'];
    expect(schema.safeParse({ confirm: 'reset', seed: 'v1-store' }).success).toBe(true);
    expect(schema.safeParse({ confirm: 'reset' }).success).toBe(true);
    expect(schema.safeParse({ confirm: 'reset', seed: 'v2-store' }).success).toBe(false);
    expect(schema.safeParse({ seed: 'v1-store' }).success).toBe(false);
  });

  it('resets the built-in sandbox and adds the store on V1', { timeout: 60_000 }, async () => {
    dir = makeTempDir('tss-v1-reset-');
    services = createServices({ dataDir: dir.path, version: '1', vaultOptions: { unsafeTestOnlyScryptLog2N: 10 } });
    expect(await services.dispatch('sandbox:reset', { confirm: 'reset', seed: 'v2-store' })).toMatchObject({ ok: false, error: { code: 'E_INVALID_REQUEST' } });
    expect(await services.dispatch('sandbox:reset', { confirm: 'reset', seed: 'v1-store' })).toEqual({ ok: true, value: {} });
    const { url } = JSON.parse(readFileSync(join(dir.path, 'sandbox', 'address.json'), 'utf8')) as { url: string };
    const v1 = new SandboxV1Api({ url } as Sandbox);
    await v1.login();
    expect((await v1.request('GET', '/tss')).body).toMatchObject({ count: 2 });
    expect(await services.dispatch('sandbox:reset', { confirm: 'reset' })).toEqual({ ok: true, value: {} });
    expect((await v1.request('GET', '/tss')).body).toMatchObject({ count: 0 });
  });
});
