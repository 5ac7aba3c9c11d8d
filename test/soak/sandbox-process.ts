import { type ChildProcess, spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const SANDBOX_MAIN = fileURLToPath(new URL('../../main/products/sign-de/sandbox/main.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** Fault settings as PUT to /_sandbox/faults (main/products/sign-de/sandbox/options.ts FaultOptions). */
export type FaultSettings = Record<string, number>;

/** A free TCP port on loopback, for a sandbox that must come back on the same port after each kill. */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The standalone sandbox (`main/products/sign-de/sandbox/main.ts`) as a separate process on one state file and one port,
 * killed with SIGKILL and started again on demand. Faults and token lifetimes live in its memory only, so
 * they are sent again after every start.
 */
export class StandaloneSandbox {
  readonly baseUrl: string;
  private child: ChildProcess | null = null;
  private faults: FaultSettings | null = null;
  private tokens: { accessTokenSeconds: number } | null = null;
  /** Whether this sandbox knows the 444 fault (`pendingRate`); older ones drop unknown keys. */
  supportsPending = false;
  restarts = 0;

  constructor(
    private readonly options: { port: number; stateFile: string; logFile: string; apiKey: string; apiSecret: string; env: 'TEST' | 'LIVE'; deployDelayMs: number },
  ) {
    this.baseUrl = `http://127.0.0.1:${options.port}/api/v2`;
  }

  private get controlUrl(): string {
    return `http://127.0.0.1:${this.options.port}/_sandbox`;
  }

  get running(): boolean {
    return this.child !== null;
  }

  async start(): Promise<void> {
    const log = openSync(this.options.logFile, 'a');
    const o = this.options;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', SANDBOX_MAIN, '--port', String(o.port), '--state', o.stateFile, '--api-key', o.apiKey, '--api-secret', o.apiSecret, '--env', o.env, '--deploy-delay-ms', String(o.deployDelayMs)],
      { cwd: REPO, stdio: ['ignore', log, log] },
    );
    this.child = child;
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code, signal) => reject(new Error(`the sandbox stopped while starting (${signal ?? `exit ${code}`}); see ${o.logFile}`))),
    );
    exited.catch(() => {});
    child.once('exit', () => {
      if (this.child === child) this.child = null;
    });
    for (let i = 0; ; i++) {
      try {
        const answer = await Promise.race([fetch(`${this.controlUrl}/faults`, { signal: AbortSignal.timeout(2000) }), exited]);
        if (answer.ok) {
          this.supportsPending = 'pendingRate' in ((await answer.json()) as object);
          break;
        }
      } catch (error) {
        if (!this.child) throw error;
        if (i > 300) throw new Error(`the sandbox did not answer within 30 s; see ${o.logFile}`);
      }
      await sleep(100);
    }
    if (this.faults) await this.put('faults', this.faults);
    if (this.tokens) await this.put('tokens', this.tokens);
  }

  /** SIGKILL: no shutdown hook, no last state write; what it had acknowledged must already be durable. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await gone;
  }

  async restart(): Promise<void> {
    await this.kill();
    await this.start();
    this.restarts += 1;
  }

  /** SIGTERM (the sandbox saves and leaves), SIGKILL if it has not left after 10 s. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await gone;
    clearTimeout(timer);
  }

  /** Stops it at once, for an interrupted soak. */
  killNow(): void {
    this.child?.kill('SIGKILL');
  }

  async setFaults(faults: FaultSettings): Promise<void> {
    this.faults = faults;
    if (this.child) await this.put('faults', faults);
  }

  /** A new access-token lifetime; the sandbox also forgets every token it gave, so every session logs in again. */
  async setTokenLifetime(accessTokenSeconds: number): Promise<void> {
    this.tokens = { accessTokenSeconds };
    if (this.child) await this.put('tokens', this.tokens);
  }

  private async put(route: 'faults' | 'tokens', body: object): Promise<void> {
    let answer: Response;
    try {
      answer = await fetch(`${this.controlUrl}/${route}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(5000),
      });
    } catch {
      return; // killed meanwhile: start() sends the settings again
    }
    if (!answer.ok) throw new Error(`the sandbox refused PUT /_sandbox/${route}: ${answer.status} ${await answer.text()}`);
  }
}
