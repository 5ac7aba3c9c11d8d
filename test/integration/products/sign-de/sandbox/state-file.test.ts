import { randomUUID } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSandbox } from '../../../../../main/products/sign-de/sandbox/server';
import { SandboxApi } from '../../../../support/sandbox-api';
import { makeTempDir } from '../../../../support/temp-dir';

describe('sandbox state file', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => dir.remove());

  it('keeps TSS, PUK, keys and tokens across a restart', async () => {
    const stateFile = join(dir.path, 'sandbox.json');
    const first = await createSandbox({ stateFile });
    const api = new SandboxApi(first);
    await api.login();
    const tssId = randomUUID();
    const created = await api.request('PUT', `/tss/${tssId}`, {});
    expect(created.status).toBe(200);
    await first.close();

    const second = await createSandbox({ stateFile });
    const again = new SandboxApi(second);
    again.token = api.token;
    const retrieved = await again.request('GET', `/tss/${tssId}`);
    expect(retrieved.status).toBe(200);
    expect(retrieved.body.public_key).toBe(created.body.public_key);
    expect(retrieved.body.certificate).toBe(created.body.certificate);
    const recreated = await again.request('PUT', `/tss/${tssId}`, {});
    expect(recreated.body.admin_puk).toBe(created.body.admin_puk);
    await second.close();
    expect(readdirSync(dir.path)).toEqual(['sandbox.json']);
  });

  it('refuses a damaged state file instead of starting empty', async () => {
    const stateFile = join(dir.path, 'broken.json');
    writeFileSync(stateFile, '{"version": 1, "tss": ');
    await expect(createSandbox({ stateFile })).rejects.toThrow(/JSON/);
    writeFileSync(stateFile, '{"something": "else"}');
    await expect(createSandbox({ stateFile })).rejects.toThrow(/not a TSS Companion sandbox state file/);
  });

  it('forgets everything but organizations and keys on reset', async () => {
    const sandbox = await createSandbox();
    const api = new SandboxApi(sandbox);
    await api.login();
    await api.request('PUT', `/tss/${randomUUID()}`, {});
    expect((await api.control('GET', '/status')).body.tss).toBe(1);
    expect((await api.control('POST', '/reset')).status).toBe(200);
    expect((await api.control('GET', '/status')).body).toMatchObject({ tss: 0, clients: 0, transactions: 0, exports: 0 });
    expect((await api.login()).status).toBe(200);
    await sandbox.close();
  });
});
