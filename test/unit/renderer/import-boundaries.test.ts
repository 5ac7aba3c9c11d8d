import { readFileSync, readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const rendererDir = resolve('renderer/src');
const contractDir = resolve('preload/contract');
// qrcode draws the receipt's QR code (byte mode, ECC M) in the page, as the preview needs it.
const allowedPackages = ['react', 'react-dom/client', 'react-i18next', 'i18next', 'zustand', 'zustand/vanilla', 'qrcode'];

interface ImportRef {
  specifier: string;
  /** `import type` / `export type`: erased, so it never reaches the bundle. */
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): ImportRef[] {
  const text = readFileSync(file, 'utf8');
  const refs: ImportRef[] = [];
  for (const match of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'";]*?\bfrom\s+['"]([^'"]+)['"]/gm)) {
    refs.push({ specifier: match[3]!, typeOnly: Boolean(match[2]) });
  }
  for (const match of text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) refs.push({ specifier: match[1]!, typeOnly: false });
  for (const match of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) refs.push({ specifier: match[1]!, typeOnly: false });
  return refs;
}

function resolveModule(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next candidate
    }
  }
  return base;
}

/** A contract module whose run-time imports reach no zod (transitively). */
function isZodFree(file: string, seen = new Set<string>()): boolean {
  if (seen.has(file)) return true;
  seen.add(file);
  return importsOf(file)
    .filter((ref) => !ref.typeOnly)
    .every((ref) => ref.specifier.startsWith('.') && isZodFree(resolveModule(file, ref.specifier), seen));
}

const files = sourceFiles(rendererDir);
const isBuiltin = (specifier: string) =>
  specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]!);

describe('renderer import boundaries', () => {
  it('finds the renderer sources, and tells zod-free contract modules from the others', () => {
    expect(files.some((file) => file.endsWith('main.tsx'))).toBe(true);
    expect(isZodFree(join(contractDir, 'channels.ts'))).toBe(true);
    expect(isZodFree(join(contractDir, 'core/result.ts'))).toBe(true);
    expect(isZodFree(join(contractDir, 'sign-de/german-format.ts'))).toBe(true);
    expect(isZodFree(join(contractDir, 'core/settings.ts'))).toBe(false);
    expect(isZodFree(join(contractDir, 'index.ts'))).toBe(false);
  });

  it.each(files.map((file) => [relative(process.cwd(), file), file]))('%s imports only what the renderer may', (_name, file) => {
    for (const ref of importsOf(file)) {
      const what = `${relative(process.cwd(), file)} → ${ref.specifier}`;
      if (!ref.specifier.startsWith('.')) {
        expect(isBuiltin(ref.specifier), `${what}: no Node modules`).toBe(false);
        expect(ref.specifier === 'electron' || ref.specifier.startsWith('electron/'), `${what}: no electron`).toBe(false);
        if (!ref.typeOnly) expect(allowedPackages, `${what}: unexpected package`).toContain(ref.specifier);
        continue;
      }
      if (ref.specifier.endsWith('.css')) continue;
      const target = resolveModule(file, ref.specifier);
      const inRenderer = target.startsWith(rendererDir + '/');
      const inContract = target.startsWith(contractDir + '/');
      expect(inRenderer || inContract, `${what}: only renderer/src and preload/contract`).toBe(true);
      if (inContract && !ref.typeOnly) {
        expect(isZodFree(target), `${what}: a run-time import that would bundle zod`).toBe(true);
      }
    }
  });
});
