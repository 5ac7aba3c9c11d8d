import { build } from 'esbuild';
import { chmodSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The `tss-companion` bin as plain JavaScript (out/cli/tss-companion.js): our sources bundled, every npm
 * package left to node_modules. Commands are split into chunks loaded when they run, so `--help` and
 * `--version` load no more than the parser.
 */
const ROOT = fileURLToPath(new URL('.', import.meta.url));
export const CLI_OUT_DIR = join(ROOT, 'out', 'cli');
export const CLI_ENTRY = join(CLI_OUT_DIR, 'tss-companion.js');
/** What the bundle is made of: a change to any of these makes the built CLI stale. */
const SOURCES = ['main', 'preload', 'package.json', 'build-cli.ts'].map((path) => join(ROOT, path));

export async function buildCli(): Promise<void> {
  rmSync(CLI_OUT_DIR, { recursive: true, force: true });
  await build({
    entryPoints: { 'tss-companion': join(ROOT, 'main/cli/main.ts') },
    outdir: CLI_OUT_DIR,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'warning',
  });
  chmodSync(CLI_ENTRY, 0o755);
}

/** Newest modification time under a path (files only). */
function newestMtime(path: string): number {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), 0);
}

/** True when out/cli is missing or older than a source it is built from. */
export function cliIsStale(): boolean {
  if (!existsSync(CLI_ENTRY)) return true;
  const built = statSync(CLI_ENTRY).mtimeMs;
  return SOURCES.some((source) => newestMtime(source) > built);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildCli();
