import { supportBundleName } from '../../preload/contract/core/files';
import { lstat, readFile, readdir } from 'node:fs/promises';
import { arch, release, type as osType } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { writeFileAtomic } from './durable/atomic-file';
import { ensurePrivateFolder } from './durable/private-folder';
import { LOGS_FOLDER } from './log';
import { REDACTED, scrubText, scrubValue } from './log-scrub';

/** Where support bundles are written (owner-only, in the data folder). */
export const SUPPORT_FOLDER = 'support';

/**
 * What goes into a bundle, by name: the logs, the run journals, the store records and the vault's audit
 * log. Never the vault itself, recovery files, the sandbox's state (it holds training PUKs), documents or
 * exports: what is not listed here is not read.
 */
const SOURCES: readonly { folder: string | null; name: RegExp }[] = [
  { folder: LOGS_FOLDER, name: /^[\w.-]+\.log(\.\d+)?$|^\d{8}-\d{4}-\d{2}-[\w.-]+\.log$/ },
  { folder: 'runs', name: /^[\w-]+\.json$/ },
  { folder: 'stores', name: /^[\w-]+\.json$/ },
  { folder: null, name: /^audit\.log$/ },
];

/** A file larger than this is cut (its end kept: the newest lines). */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

export interface SupportBundleInput {
  dataDir: string;
  /** The app's settings as main holds them (no secret ever reaches them). */
  settings: unknown;
  appVersion: string;
  /** Which shell made it (`app`, `cli`, `browser-shell`). */
  shell: string;
  /**
   * The secrets the vault holds, when it is unlocked: a last check, each (and its base64 and hex forms)
   * replaced wherever the scrubber let it through. Empty when the vault is locked.
   */
  knownSecrets?: () => Promise<readonly string[]>;
  /** Where the technician chose to save it (null: `<dataDir>/support/`). */
  place?: (name: string) => string | null;
  now?: Date;
}

export interface SupportBundle {
  path: string;
  bytes: number;
  files: string[];
}

/** The versions a support case asks for first. */
export function versionFacts(appVersion: string, shell: string) {
  return {
    app: appVersion,
    shell,
    node: process.versions.node,
    electron: process.versions.electron ?? null,
    chrome: process.versions.chrome ?? null,
    v8: process.versions.v8,
    os: { type: osType(), release: release(), platform: process.platform, arch: arch() },
  };
}

/**
 * One zip of what a support case needs, written to `<dataDir>/support/`: versions, settings, logs, run
 * journals, store records and the audit log, every file put through the log scrubber (JSON by its keys
 * and values, other text line by line), then checked against the vault's own secrets.
 */
export async function buildSupportBundle(input: SupportBundleInput): Promise<SupportBundle> {
  const now = input.now ?? new Date();
  const texts = new Map<string, string>();
  texts.set('versions.json', JSON.stringify(versionFacts(input.appVersion, input.shell), null, 2));
  texts.set('settings.json', JSON.stringify(scrubValue(input.settings), null, 2));
  for (const source of SOURCES) {
    const dir = source.folder ? join(input.dataDir, source.folder) : input.dataDir;
    for (const name of (await readdir(dir).catch(() => [] as string[])).sort()) {
      if (!source.name.test(name)) continue;
      const path = join(dir, name);
      const info = await lstat(path).catch(() => null);
      if (!info?.isFile()) continue;
      const raw = await readFile(path);
      const text = raw.subarray(Math.max(0, raw.length - MAX_FILE_BYTES)).toString('utf8');
      texts.set(source.folder ? `${source.folder}/${name}` : name, scrubFile(name, text));
    }
  }
  const secrets = await (input.knownSecrets?.() ?? Promise.resolve([]));
  const zip: Record<string, Uint8Array> = {};
  for (const [name, text] of texts) zip[name] = strToU8(withoutSecrets(text, secrets));
  zip['README.txt'] = strToU8(readme(now, [...texts.keys()]));

  const name = supportBundleName(now);
  let path = input.place?.(name) ?? null;
  if (!path) {
    const folder = join(input.dataDir, SUPPORT_FOLDER);
    await ensurePrivateFolder(folder);
    path = join(folder, name);
  }
  const bytes = Buffer.from(zipSync(zip, { level: 6, mtime: now }));
  await writeFileAtomic(path, bytes);
  return { path, bytes: bytes.length, files: Object.keys(zip) };
}

/** A JSON file through the value scrubber, JSON lines line by line, anything else as text. */
export function scrubFile(name: string, text: string): string {
  if (name.endsWith('.json')) {
    try {
      return JSON.stringify(scrubValue(JSON.parse(text)), null, 2);
    } catch {
      return scrubText(text);
    }
  }
  return text
    .split('\n')
    .map((line) => {
      if (!line.startsWith('{')) return scrubText(line);
      try {
        return JSON.stringify(scrubValue(JSON.parse(line)));
      } catch {
        return scrubText(line);
      }
    })
    .join('\n');
}

/** The vault's secrets, as they are and base64/base64url/hex encoded, replaced (a last line of defence). */
export function withoutSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    const bytes = Buffer.from(secret, 'utf8');
    for (const form of new Set([secret, bytes.toString('base64'), bytes.toString('base64url'), bytes.toString('hex'), bytes.toString('hex').toUpperCase()])) {
      out = out.split(form).join(REDACTED);
    }
  }
  return out;
}

function readme(now: Date, files: string[]): string {
  return [
    'TSS Companion support bundle',
    `made ${now.toISOString()}`,
    '',
    'Holds versions, settings, logs, run journals, store records and the vault audit log (what was',
    'revealed, exported or imported, and when). It holds no PIN, PUK, API secret, passphrase or token:',
    'every file was scrubbed before it was zipped, and the vault itself is not part of it.',
    '',
    ...files,
    '',
  ].join('\n');
}
