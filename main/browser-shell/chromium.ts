import { existsSync } from 'node:fs';

/** CHROMIUM_PATH, else Debian's Chromium, else undefined (Playwright's own browser, where it has one). */
export function chromiumExecutable(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** Flags for an offline machine: no background calls home. Chromium's own sandbox cannot run as root. */
export function chromiumArgs(): string[] {
  const args = [
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
  if (process.getuid?.() === 0) args.unshift('--no-sandbox');
  return args;
}
