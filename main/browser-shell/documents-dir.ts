import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The Documents folder as the desktop names it, for the browser shell (Electron asks the OS itself): on
 * Linux the XDG user dirs file may call it otherwise ("Dokumente" on a German desktop); elsewhere, and
 * when that file says nothing usable, `~/Documents`.
 */
export function documentsDir(home: string, userDirs: string | null, platform: NodeJS.Platform = process.platform): string {
  const fallback = join(home, 'Documents');
  if (platform !== 'linux' || !userDirs) return fallback;
  const line = /^\s*XDG_DOCUMENTS_DIR\s*=\s*"([^"]*)"\s*$/m.exec(userDirs)?.[1];
  if (!line) return fallback;
  const path = line.replace(/^\$HOME(?=\/|$)/, home);
  // Pointing at the home folder itself means "no Documents folder" to XDG; an odd value is not followed.
  return path.startsWith('/') && path !== home && path !== `${home}/` ? path : fallback;
}

/** This laptop's Documents folder (the browser shell). */
export function localDocumentsDir(env: NodeJS.ProcessEnv = process.env): string {
  const home = homedir();
  let userDirs: string | null = null;
  try {
    userDirs = readFileSync(join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'user-dirs.dirs'), 'utf8');
  } catch {
    // No such file: the default name.
  }
  return documentsDir(home, userDirs);
}
