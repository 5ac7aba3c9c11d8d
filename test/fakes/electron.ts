/**
 * A faithful stand-in for the parts of Electron the app uses, for tests on a machine with no Electron
 * runtime. It records what the app asked for, so tests assert on the real calls.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

export class FakeWebFrameMain {
  constructor(
    public url: string,
    public parent: FakeWebFrameMain | null = null,
  ) {}
}

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
  destroyed = false;
  mainFrame = new FakeWebFrameMain('app://bundle/index.html');

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  loadURL(url: string): Promise<void> {
    this.mainFrame.url = url;
    return Promise.resolve();
  }
  /** Emits a navigation-like event the way Electron does and tells whether a listener prevented it. */
  emitPreventable(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}

export class BrowserWindow extends EventEmitter {
  static readonly created: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  private destroyedWindow = false;

  constructor(readonly options: Record<string, unknown> = {}) {
    super();
    BrowserWindow.created.push(this);
  }
  static fromWebContents(contents: unknown): BrowserWindow | null {
    return BrowserWindow.created.find((w) => w.webContents === contents) ?? null;
  }
  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }
  isDestroyed(): boolean {
    return this.destroyedWindow;
  }
  destroy(): void {
    this.destroyedWindow = true;
    this.webContents.destroyed = true;
  }
  show(): void {}
  focus(): void {}
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }
}

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, Handler>();
  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** What `ipcRenderer.invoke` would do: run the handler with an event naming the sender and its frame. */
  async invoke(
    channel: string,
    sender: FakeWebContents,
    payload: unknown,
    senderFrame: FakeWebFrameMain | null = sender.mainFrame,
  ): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ sender, senderFrame }, payload);
  }
}

class FakeIpcRenderer extends EventEmitter {
  readonly invocations: Array<{ channel: string; payload: unknown }> = [];
  reply: (channel: string, payload: unknown) => unknown = () => ({ ok: true, value: null });
  invoke(channel: string, payload: unknown): Promise<unknown> {
    this.invocations.push({ channel, payload });
    return Promise.resolve(this.reply(channel, payload));
  }
}

const userData = mkdtempSync(join(tmpdir(), 'tss-fake-electron-'));

class FakeApp extends EventEmitter {
  name = 'TSS Companion';
  isPackaged = false;
  getPath(name: string): string {
    return join(userData, name === 'userData' ? '' : name);
  }
  getVersion(): string {
    return '0.0.0-test';
  }
  getName(): string {
    return this.name;
  }
  requestSingleInstanceLock(): boolean {
    return true;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  quit(): void {}
}

class FakeSession {
  permissionRequestHandler: ((...args: unknown[]) => void) | null = null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;
  setPermissionRequestHandler(handler: (...args: unknown[]) => void): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void {
    this.permissionCheckHandler = handler;
  }
}

export const app = new FakeApp();
export const ipcMain = new FakeIpcMain();
export const ipcRenderer = new FakeIpcRenderer();
export const session = { defaultSession: new FakeSession() };
export const shell = {
  opened: [] as string[],
  openExternal(url: string): Promise<void> {
    this.opened.push(url);
    return Promise.resolve();
  },
};
export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    if (this.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property: ${key}`);
    this.exposed.set(key, api);
  },
};
export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response> | Response): void {
    this.handlers.set(scheme, handler);
  },
};

type StorageBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

/**
 * safeStorage: really encrypts (AES-256-GCM under a per-keyring random key, as an OS keyring would), so a
 * ciphertext from another keyring or an altered one fails to decrypt. Tests set `encryptionAvailable` and
 * `backend` (Linux), and `resetKeyring()` simulates a keyring that was reset or switched.
 */
class FakeSafeStorage {
  encryptionAvailable = true;
  backend: StorageBackend = 'gnome_libsecret';
  private keyring = randomBytes(32);

  isEncryptionAvailable(): boolean {
    return this.encryptionAvailable;
  }
  getSelectedStorageBackend(): StorageBackend {
    return this.backend;
  }
  encryptString(plainText: string): Buffer {
    if (!this.encryptionAvailable) {
      throw new Error('Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.');
    }
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keyring, iv);
    const ct = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from('v11'), iv, cipher.getAuthTag(), ct]);
  }
  decryptString(encrypted: Buffer): string {
    if (!this.encryptionAvailable) {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString. Decryption is not available.');
    }
    try {
      if (encrypted.subarray(0, 3).toString() !== 'v11') throw new Error('bad prefix');
      const decipher = createDecipheriv('aes-256-gcm', this.keyring, encrypted.subarray(3, 15));
      decipher.setAuthTag(encrypted.subarray(15, 31));
      return Buffer.concat([decipher.update(encrypted.subarray(31)), decipher.final()]).toString('utf8');
    } catch {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    }
  }
  /** A keyring that was reset or switched: what was encrypted before no longer decrypts. */
  resetKeyring(): void {
    this.keyring = randomBytes(32);
  }
  /** Back to an available, trusted keyring (the state each test should start from). */
  reset(): void {
    this.encryptionAvailable = true;
    this.backend = 'gnome_libsecret';
  }
}

export const safeStorage = new FakeSafeStorage();

/**
 * Electron's net.fetch (Chromium's network stack): Node's global fetch stands in, every URL recorded. A
 * failed connection rejects as Chromium's does: an Error whose message is the net error, no code, no cause.
 */
export const net = {
  fetched: [] as string[],
  fetch(url: string, init?: RequestInit): Promise<Response> {
    this.fetched.push(url);
    return globalThis.fetch(url, init).catch((error: unknown) => {
      if (error instanceof Error && error.name === 'TypeError') throw new Error('net::ERR_CONNECTION_REFUSED');
      throw error;
    });
  },
};

export type IpcMain = FakeIpcMain;
export type WebContents = FakeWebContents;

export default { app, ipcMain, ipcRenderer, session, shell, contextBridge, protocol, BrowserWindow, safeStorage, net };
