import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFolder } from '../../../../../main/core/files/folder-listing';
import { fileNamePart, joinPath, recoveryFileName } from '../../../../../preload/contract/core/files';
import { exportTarName, receiptPdfName } from '../../../../../preload/contract/sign-de/file-names';
import { makeTempDir } from '../../../../support/temp-dir';

describe('file names', () => {
  it('keep readable letters of any script and drop emoji without leaving "--"', () => {
    expect(fileNamePart('Café Zürich 🍕 Filiale', 'store')).toBe('Café-Zürich-Filiale');
    expect(fileNamePart('Bäckerei Müller & Söhne', 'store')).toBe('Bäckerei-Müller-Söhne');
    expect(fileNamePart('👨‍👩‍👧 Familie', 'store')).toBe('Familie');
    expect(fileNamePart('Łódź 東京', 'store')).toBe('Łódź-東京');
    expect(fileNamePart('🍕🍕', 'store')).toBe('store');
    expect(fileNamePart('../../etc/passwd', 'store')).toBe('etc-passwd');
    expect(fileNamePart('x'.repeat(100), 'store')).toHaveLength(60);
  });

  it('give the paper width its unit once', () => {
    const now = new Date('2026-11-30T08:00:00Z');
    expect(receiptPdfName('Filiale 1', 80, now)).toBe('testbeleg-Filiale-1-80mm-2026-11-30.pdf');
    expect(exportTarName(null, '3d4e5f60-7182-4a3b-9c4d-5e6f7a8b9c0d', now)).toBe('tss-3d4e5f60-2026-11-30.tar');
    expect(recoveryFileName(now)).toBe('tss-companion-2026-11-30.tsscr');
  });

  it('carry the Berlin calendar day, as the handover does, and name a store\'s recovery file after it', () => {
    // 23:30 UTC on 30 November is already 1 December in Berlin.
    const lateEvening = new Date('2026-11-30T23:30:00Z');
    expect(recoveryFileName(lateEvening)).toBe('tss-companion-2026-12-01.tsscr');
    expect(receiptPdfName('Filiale 1', 80, lateEvening)).toBe('testbeleg-Filiale-1-80mm-2026-12-01.pdf');
    expect(recoveryFileName(lateEvening, 'Café Zürich')).toBe('tss-companion-Café-Zürich-2026-12-01.tsscr');
  });

  it('join a name to a folder with the folder\'s own separator', () => {
    expect(joinPath('/home/t/Documents', 'a.pdf')).toBe('/home/t/Documents/a.pdf');
    expect(joinPath('C:\\Users\\t\\Documents', 'a.pdf')).toBe('C:\\Users\\t\\Documents\\a.pdf');
  });
});

describe('listFolder', () => {
  it('lists subfolders and files by name, without hidden ones, and a missing folder as empty', async () => {
    const dir = makeTempDir();
    try {
      mkdirSync(join(dir.path, 'Zürich'));
      mkdirSync(join(dir.path, 'amsterdam'));
      mkdirSync(join(dir.path, '.cache'));
      writeFileSync(join(dir.path, 'beleg.pdf'), '');
      writeFileSync(join(dir.path, '.hidden'), '');
      expect(await listFolder(dir.path)).toEqual({ path: dir.path, parent: join(dir.path, '..'), exists: true, folders: ['amsterdam', 'Zürich'], files: ['beleg.pdf'] });
      expect(await listFolder(join(dir.path, 'new'))).toMatchObject({ exists: false, folders: [], files: [], parent: dir.path });
      expect((await listFolder('/')).parent).toBeNull();
      await expect(listFolder(join(dir.path, 'beleg.pdf'))).rejects.toMatchObject({ code: 'E_NOT_A_FOLDER' });
    } finally {
      dir.remove();
    }
  });
});
