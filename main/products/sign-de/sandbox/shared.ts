import { join } from 'node:path';
import { z } from 'zod';
import { readIfExists, writeFileAtomic } from '../../../core/durable/atomic-file';
import { ensurePrivateFolder } from '../../../core/durable/private-folder';
import type { SandboxOptionsInput } from './options';
import { type Sandbox, createSandbox } from './server';
import { StateFileInUseError } from './state-lock';

/** Where the owner of a shared sandbox says it listens: `<dir>/address.json`. */
const AddressFile = z.object({
  // Only ever loopback: a tampered file must not send the app's requests anywhere else.
  url: z.url().refine((url) => new URL(url).hostname === '127.0.0.1', 'must be a 127.0.0.1 address'),
  port: z.number().int().min(1).max(65_535),
  pid: z.number().int(),
  instance: z.string().regex(/^[0-9a-f]{32}$/),
});
type Address = z.output<typeof AddressFile>;

export interface SharedSandboxOptions {
  /** How often a guest checks whether the owner is gone (and it should take over). */
  pollMs?: number;
  /** How long to wait for a starting or dying owner before giving up. */
  waitMs?: number;
  /** Called when the sandbox's base URL changes (a takeover could not bind the old port). */
  onUrlChange?: (url: string) => void;
}

/** The built-in sandbox of one data folder, shared by every process that uses the folder. */
export interface SharedSandbox {
  /** The base URL, e.g. http://127.0.0.1:43123/api/v2, whoever serves it. */
  readonly url: string;
  /** This process serves it (owner) or uses another process's (guest). */
  readonly role: 'owner' | 'guest';
  close(): Promise<void>;
}

/**
 * One state file, one owner, many users. The first process to take the state file's lock serves the
 * sandbox and writes its address to `<dir>/address.json` (atomically); every other process uses that
 * address and checks now and then whether the owner is gone. When it is (it exited, or was killed and its
 * lock went stale), one guest takes the lock, loads the state file, and listens on the SAME port if it
 * can, so clients holding the old base URL keep working (they retry refused connections). The lock makes
 * two owners impossible; every answer of the sandbox waits for the state file's fsync, so nothing an owner
 * acknowledged is lost in a takeover.
 */
export async function startSharedSandbox(dir: string, sandboxOptions: SandboxOptionsInput = {}, options: SharedSandboxOptions = {}): Promise<SharedSandbox> {
  const pollMs = options.pollMs ?? 500;
  const waitMs = options.waitMs ?? 30_000;
  const stateFile = join(dir, 'state.json');
  const addressFile = join(dir, 'address.json');

  let sandbox: Sandbox | null = null;
  let url = '';
  let closed = false;
  let watcher: NodeJS.Timeout | null = null;
  let busy = false;

  const readAddress = async (): Promise<Address | null> => {
    const bytes = await readIfExists(addressFile).catch(() => null);
    if (!bytes) return null;
    try {
      return AddressFile.parse(JSON.parse(bytes.toString('utf8')));
    } catch {
      return null;
    }
  };

  /** Takes the lock and serves, on the advertised port when free; null while another process owns it. */
  const tryToOwn = async (): Promise<Sandbox | null> => {
    const previous = await readAddress();
    const start = (port: number) => createSandbox({ ...sandboxOptions, stateFile, port }, { onStateLockLost: () => void stepDown() });
    let started: Sandbox;
    try {
      started = await start(previous?.port ?? 0).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EADDRINUSE' || !previous) throw error;
        return start(0);
      });
    } catch (error) {
      if (error instanceof StateFileInUseError) return null;
      throw error;
    }
    await writeFileAtomic(addressFile, JSON.stringify({ url: started.url, port: started.port, pid: process.pid, instance: started.instance } satisfies Address));
    return started;
  };

  const startWatching = () => {
    watcher ??= setInterval(() => void watch(), pollMs);
    watcher.unref();
  };

  /** Another process took our lock (we were frozen): stop serving and become a guest of the new owner. */
  const stepDown = async () => {
    const owned = sandbox;
    sandbox = null;
    if (closed || !owned) return;
    startWatching();
    await owned.close().catch(() => {});
  };

  const setUrl = (next: string) => {
    if (next === url) return;
    const changed = url !== '';
    url = next;
    if (changed) options.onUrlChange?.(next);
  };

  /** A guest's check: take over if the owner is gone; follow the address if it moved. */
  const watch = async () => {
    if (busy || closed || sandbox) return;
    busy = true;
    try {
      const owned = await tryToOwn();
      if (owned) {
        if (closed) await owned.close();
        else {
          sandbox = owned;
          if (watcher) clearInterval(watcher);
          watcher = null;
          setUrl(owned.url);
        }
        return;
      }
      const address = await readAddress();
      if (address && (await answers(address))) setUrl(address.url);
    } catch {
      // Tried again at the next tick.
    } finally {
      busy = false;
    }
  };

  // The state holds every training TSS's PUK: owner-only, whatever the umask.
  await ensurePrivateFolder(dir);
  const deadline = Date.now() + waitMs;
  for (;;) {
    sandbox = await tryToOwn();
    if (sandbox) {
      url = sandbox.url;
      break;
    }
    const address = await readAddress();
    if (address && (await answers(address))) {
      url = address.url;
      startWatching();
      break;
    }
    // The owner is starting, or died and its lock is not stale yet.
    if (Date.now() > deadline) {
      throw new Error(`The built-in sandbox of ${dir} is locked by another process that does not answer; close the other TSS Companion or wait a few seconds, then try again.`);
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }

  return {
    get url() {
      return url;
    },
    get role() {
      return sandbox ? 'owner' : 'guest';
    },
    close: async () => {
      closed = true;
      if (watcher) clearInterval(watcher);
      watcher = null;
      const owned = sandbox;
      sandbox = null;
      await owned?.close();
    },
  };
}

/**
 * True when the sandbox the address names answers there (its control route, loopback only), and not some
 * other sandbox that got the port since.
 */
async function answers(address: Address): Promise<boolean> {
  try {
    const response = await fetch(`${new URL(address.url).origin}/_sandbox/status`, { signal: AbortSignal.timeout(2000) });
    if (!response.ok) {
      await response.body?.cancel();
      return false;
    }
    return ((await response.json()) as { instance?: unknown }).instance === address.instance;
  } catch {
    return false;
  }
}
