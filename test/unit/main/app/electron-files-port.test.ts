import { describe, expect, it } from 'vitest';
import { createElectronFilesPort } from '../../../../main/app/electron-files-port';

function fakeDialog(answer: { canceled: boolean; filePath?: string; filePaths?: string[] }) {
  const calls: { kind: string; args: unknown[] }[] = [];
  return {
    calls,
    dialog: {
      showSaveDialog: async (...args: unknown[]) => (calls.push({ kind: 'save', args }), { canceled: answer.canceled, filePath: answer.filePath ?? '' }),
      showOpenDialog: async (...args: unknown[]) => (calls.push({ kind: 'open', args }), { canceled: answer.canceled, filePaths: answer.filePaths ?? [] }),
    },
  };
}

describe('the native files port', () => {
  it('opens the save dialog on the window, prefilled, filtered, and returns the path chosen', async () => {
    const { dialog, calls } = fakeDialog({ canceled: false, filePath: '/home/t/Documents/beleg.pdf' });
    const window = { id: 1 };
    const port = createElectronFilesPort({ dialog: dialog as never, shell: { showItemInFolder: () => {} }, window: () => window as never, documentsDir: '/home/t/Documents' });
    expect(port.chooser).toBe('native');
    expect(await port.chooseFile!('/home/t/Documents/TSS Companion/beleg.pdf', 'pdf')).toBe('/home/t/Documents/beleg.pdf');
    expect(calls[0]!.args[0]).toBe(window);
    expect(calls[0]!.args[1]).toMatchObject({ defaultPath: '/home/t/Documents/TSS Companion/beleg.pdf', filters: [{ extensions: ['pdf'] }] });
  });

  it('answers null when the technician cancels', async () => {
    const { dialog } = fakeDialog({ canceled: true });
    const port = createElectronFilesPort({ dialog: dialog as never, shell: { showItemInFolder: () => {} }, window: () => null, documentsDir: '/d' });
    expect(await port.chooseFile!('/d/x.pdf', undefined)).toBeNull();
    expect(await port.chooseFolder!('/d')).toBeNull();
  });

  it('chooses a folder with the open dialog and shows files in the file manager', async () => {
    const { dialog, calls } = fakeDialog({ canceled: false, filePaths: ['/d/Store'] });
    const shown: string[] = [];
    const port = createElectronFilesPort({ dialog: dialog as never, shell: { showItemInFolder: (p) => void shown.push(p) }, window: () => null, documentsDir: '/d' });
    expect(await port.chooseFolder!('/d')).toBe('/d/Store');
    expect(calls[0]).toMatchObject({ kind: 'open', args: [{ properties: expect.arrayContaining(['openDirectory']) }] });
    port.showInFolder!('/d/Store/a.pdf');
    expect(shown).toEqual(['/d/Store/a.pdf']);
  });

  it('names the recovery file filter in the app\'s language', async () => {
    let language: 'de' | 'en' = 'de';
    const { dialog, calls } = fakeDialog({ canceled: true });
    const port = createElectronFilesPort({ dialog: dialog as never, shell: { showItemInFolder: () => {} }, window: () => null, documentsDir: '/d', language: () => language });
    await port.chooseFile!('/d/x.tsscr', 'tsscr');
    expect(calls[0]!.args[0]).toMatchObject({ filters: [{ name: 'TSS-Companion-Wiederherstellungsdatei', extensions: ['tsscr'] }] });
    language = 'en';
    await port.chooseFile!('/d/x.tsscr', 'tsscr');
    expect(calls[1]!.args[0]).toMatchObject({ filters: [{ name: 'TSS Companion recovery file' }] });
  });
});
