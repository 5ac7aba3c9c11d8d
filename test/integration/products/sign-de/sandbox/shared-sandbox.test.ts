import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Connections } from '../../../../../main/products/sign-de/connections/connections';
import { createSandbox } from '../../../../../main/products/sign-de/sandbox/server';
import { startSharedSandbox } from '../../../../../main/products/sign-de/sandbox/shared';
import { type SandboxProcess, spawnSandboxScript } from '../../../../support/sandbox-process';
import { makeTempDir } from '../../../../support/temp-dir';

const noVault = () => Promise.reject(new Error('no vault in this test'));

describe('one built-in sandbox per data folder, shared by every process on it', () => {
  let dir: ReturnType<typeof makeTempDir>;
  const connections: Connections[] = [];
  const children: SandboxProcess[] = [];
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(async () => {
    for (const c of connections.splice(0)) await c.close();
    for (const child of children.splice(0)) {
      child.child.kill('SIGKILL');
      await child.exited;
    }
    dir.remove();
  });

  const open = () => {
    const c = new Connections(dir.path, noVault, { sandbox: { deployDelayMs: 0 } });
    connections.push(c);
    return c;
  };

  it('gives two Connections on one folder the same sandbox, advertised in address.json; the second takes over when the first closes', async () => {
    const [first, second] = [open(), open()];
    const url = await first.sandboxUrl();
    expect(await second.sandboxUrl()).toBe(url);
    const address = JSON.parse(readFileSync(join(dir.path, 'sandbox', 'address.json'), 'utf8'));
    expect(address).toMatchObject({ url, pid: process.pid });
    expect(statSync(join(dir.path, 'sandbox')).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir.path, 'sandbox', 'state.json')).mode & 0o777).toBe(0o600);

    const tssId = randomUUID();
    await (await first.clientFor('sandbox')).createTss(tssId);
    const seen = await (await second.clientFor('sandbox')).getTss(tssId);
    expect(seen.state).toBe('CREATED');

    await first.close();
    connections.splice(0, 1);
    // The guest takes the lock, loads the state file and listens on the same port: its client keeps its URL.
    await expect.poll(async () => (await (await second.clientFor('sandbox')).getTss(tssId)).state, { timeout: 30_000 }).toBe('CREATED');
    expect(await second.sandboxUrl()).toBe(url);
  }, 60_000);

  it('takes over from an owner process killed with SIGKILL, on the same port, with everything it acknowledged', async () => {
    const owner = await spawnSandboxScript('test/support/shared-sandbox-child.ts', [dir.path]);
    children.push(owner);
    const guest = open();
    const url = await guest.sandboxUrl();
    expect(url).toBe(owner.url);
    const client = await guest.clientFor('sandbox');
    const tssId = randomUUID();
    await client.createTss(tssId);
    const deployed = await client.updateTss(tssId, 'UNINITIALIZED');
    expect(deployed.state).toBe('UNINITIALIZED');

    owner.child.kill('SIGKILL');
    await owner.exited;
    // After the dead owner's lock goes stale (5 s), the guest serves the same state on the same URL.
    await expect.poll(async () => (await client.getTss(tssId).catch(() => null))?.state, { timeout: 30_000, interval: 500 }).toBe('UNINITIALIZED');
    expect(await guest.sandboxUrl()).toBe(url);
  }, 60_000);

  it('never has two owners: of many starting at once, one serves and the others use it', async () => {
    const folder = join(dir.path, 'sandbox');
    const shared = await Promise.all(Array.from({ length: 4 }, () => startSharedSandbox(folder, { deployDelayMs: 0 })));
    try {
      expect(shared.filter((s) => s.role === 'owner')).toHaveLength(1);
      expect(new Set(shared.map((s) => s.url)).size).toBe(1);
    } finally {
      for (const s of shared) await s.close();
    }
  }, 60_000);

  it('does not mistake another sandbox on the advertised port for its own: binds a new port, or waits for the real owner', async () => {
    const folder = join(dir.path, 'sandbox');
    const foreign = await createSandbox();
    const fakeAddress = JSON.stringify({ url: foreign.url, port: foreign.port, pid: 1, instance: 'f'.repeat(32) });
    try {
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'address.json'), fakeAddress);
      // Nobody owns the folder: this process does, on a free port since the advertised one is taken.
      const owner = await startSharedSandbox(folder, { deployDelayMs: 0 });
      try {
        expect(owner.role).toBe('owner');
        expect(owner.url).not.toBe(foreign.url);
        expect(JSON.parse(readFileSync(join(folder, 'address.json'), 'utf8')).url).toBe(owner.url);
        // An address pointing at the foreign sandbox while the owner holds the lock: a guest does not use it.
        writeFileSync(join(folder, 'address.json'), fakeAddress);
        await expect(startSharedSandbox(folder, {}, { waitMs: 1500, pollMs: 100 })).rejects.toThrow(/locked by another process that does not answer/);
      } finally {
        await owner.close();
      }
    } finally {
      await foreign.close();
    }
  });

  it('steps down when another process took its lock (as after a freeze past the stale time) and follows the new owner', async () => {
    const folder = join(dir.path, 'sandbox');
    const first = await startSharedSandbox(folder, { deployDelayMs: 0 }, { pollMs: 100 });
    expect(first.role).toBe('owner');
    // What a takeover of a frozen owner's stale lock looks like to the owner: its lock is gone, another holds it.
    rmSync(join(folder, 'state.json.lock'), { recursive: true });
    const second = await startSharedSandbox(folder, { deployDelayMs: 0 }, { pollMs: 100 });
    try {
      expect(second.role).toBe('owner');
      await expect.poll(() => first.role, { timeout: 20_000 }).toBe('guest');
      await expect.poll(() => first.url, { timeout: 20_000 }).toBe(second.url);
    } finally {
      await first.close();
      await second.close();
    }
  }, 60_000);
});
