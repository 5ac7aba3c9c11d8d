import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../../../renderer/src/shell/i18n/create-i18n';
import { type AppState, createAppStore } from '../../../../../renderer/src/shell/state/app-store';
import { StoreProvider } from '../../../../../renderer/src/state/store-context';
import { SavedPath } from '../../../../../renderer/src/ui/SavedPath';
import { FileChooserDialog, fileNameProblem, replacedFile } from '../../../../../renderer/src/ui/save/FileChooserDialog';
import { splitPath } from '../../../../../renderer/src/shell/state/files-slice';
import { withExtension } from '../../../../../renderer/src/ui/save/destination-request';
import { createFakeCompanion, flush } from '../../fakes/fake-companion';
import type { FakeMainState } from '../../fakes/fake-main';
import { renderStatic } from '../../fakes/render-static';

const DEFAULT = '/home/tech/Documents/TSS Companion/Filiale Süd';

function setUp(main: Partial<FakeMainState> = {}) {
  const fake = createFakeCompanion({ main });
  const store = createAppStore(fake.api);
  return { fake, store, state: () => store.getState() };
}

describe('choosing where to save in the browser shell (the in-app chooser)', () => {
  it('opens at the store\'s default folder with the default name, so one "Speichern" saves there', async () => {
    const { fake, state } = setUp();
    const chosen = state().chooseDestination({ mode: 'file', name: 'testbeleg-Filiale-Süd-80mm-2026-11-30.pdf', filter: 'pdf', store: 'Filiale Süd' }, 'printPdf');
    await flush();
    expect(state().chooser).toMatchObject({ mode: 'file', folder: DEFAULT, name: 'testbeleg-Filiale-Süd-80mm-2026-11-30.pdf' });
    expect(state().chooser?.listing?.folders).toEqual(['Filiale Nord']);
    expect(fake.calls.map((call) => call.channel)).toEqual(['files:location', 'files:list']);
    state().closeChooser(true);
    expect(await chosen).toEqual({ file: `${DEFAULT}/testbeleg-Filiale-Süd-80mm-2026-11-30.pdf` });
    expect(state().chooser).toBeNull();
  });

  it('saves into another folder and under another name when the technician changes them', async () => {
    const { state } = setUp();
    const chosen = state().chooseDestination({ mode: 'file', name: 'a.pdf' }, 'printPdf');
    await flush();
    await state().browseChooser('/home/tech/Desktop');
    state().setChooserName('beleg.pdf');
    state().closeChooser(true);
    expect(await chosen).toEqual({ file: '/home/tech/Desktop/beleg.pdf' });
  });

  it('answers a folder for a folder request, and nothing when cancelled', async () => {
    const { state } = setUp();
    const folder = state().chooseDestination({ mode: 'folder', store: 'Filiale Süd' }, 'saveHandover');
    await flush();
    state().closeChooser(true);
    expect(await folder).toEqual({ folder: DEFAULT });
    const cancelled = state().chooseDestination({ mode: 'folder' }, 'saveHandover');
    await flush();
    state().closeChooser(false);
    expect(await cancelled).toBeNull();
  });

  it('adds the filter\'s extension to a name typed without it, as the OS dialogs do', async () => {
    expect(withExtension('beleg', 'pdf')).toBe('beleg.pdf');
    expect(withExtension(' beleg.PDF ', 'pdf')).toBe('beleg.PDF');
    expect(withExtension('notiz.txt', 'pdf')).toBe('notiz.txt.pdf');
    expect(withExtension('beleg', undefined)).toBe('beleg');
    const { state } = setUp();
    const chosen = state().chooseDestination({ mode: 'file', name: 'a.pdf', filter: 'pdf', store: 'Filiale Süd' }, 'printPdf');
    await flush();
    state().setChooserName('mein-beleg');
    state().closeChooser(true);
    expect(await chosen).toEqual({ file: `${DEFAULT}/mein-beleg.pdf` });
  });

  it('knows when a save would replace a file listed in the folder (the dialog then asks first)', () => {
    const listing = { path: DEFAULT, parent: null, exists: true, folders: [], files: ['beleg.pdf'] };
    const chooser = { mode: 'file' as const, folder: DEFAULT, name: 'beleg', filter: 'pdf' as const, listing, error: null };
    expect(replacedFile(chooser)).toBe('beleg.pdf');
    expect(replacedFile({ ...chooser, name: 'neu.pdf' })).toBeNull();
    expect(replacedFile({ ...chooser, mode: 'folder' })).toBeNull();
    expect(replacedFile({ ...chooser, listing: null })).toBeNull();
  });

  it('refuses a file name that is a path or empty', () => {
    expect(fileNameProblem('beleg.pdf')).toBeNull();
    expect(fileNameProblem('  ')).toBe('missing');
    expect(fileNameProblem('../beleg.pdf')).toBe('invalid');
    expect(fileNameProblem('a\\b.pdf')).toBe('invalid');
  });

  it('shows the dialog with the folder, its subfolders, the name and "Speichern"', async () => {
    const { state } = setUp();
    void state().chooseDestination({ mode: 'file', name: 'tss-companion-2026-11-30.tsscr', filter: 'tsscr' }, 'exportRecovery');
    await flush();
    // A static render reads the store's initial state: the chooser as the slice opened it.
    const store = createAppStore(createFakeCompanion().api, { chooser: state().chooser });
    const html = await renderStatic(
      <I18nextProvider i18n={createI18n('de')}>
        <StoreProvider store={store}>
          <FileChooserDialog />
        </StoreProvider>
      </I18nextProvider>,
    );
    expect(html).toContain('Speichern unter');
    expect(html).toContain('/home/tech/Documents/TSS Companion');
    expect(html).toContain('Ordner Filiale Nord');
    expect(html).toContain('value="tss-companion-2026-11-30.tsscr"');
    expect(html).toMatch(/<button[^>]*type="submit"[^>]*>Speichern<\/button>/);
  });
});

describe('choosing where to save in the app (the OS dialog)', () => {
  it('opens the OS dialog at the default folder and name, and says which file was chosen', async () => {
    const { fake, state } = setUp({ chooser: 'native' });
    expect(await state().chooseDestination({ mode: 'file', name: 'x.tar', filter: 'tar', store: 'Filiale Süd' }, 'exportTss')).toEqual({ file: `${DEFAULT}/x.tar` });
    expect(fake.calls.at(-1)).toEqual({ channel: 'files:choose', payload: { mode: 'file', defaultPath: `${DEFAULT}/x.tar`, filter: 'tar' } });
    expect(state().chooser).toBeNull();
    expect(state().canShowInFolder).toBe(true);
  });

  it('saves nothing when the OS dialog is cancelled', async () => {
    const { state } = setUp({ chooser: 'native', dialogAnswer: null });
    expect(await state().chooseDestination({ mode: 'folder' }, 'saveHandover')).toBeNull();
  });
});

describe('the saved file', () => {
  const render = (initial: Partial<AppState>) =>
    renderStatic(
      <I18nextProvider i18n={createI18n('de')}>
        <StoreProvider store={createAppStore(createFakeCompanion().api, initial)}>
          <SavedPath file={{ path: '/home/tech/Documents/TSS Companion/beleg.pdf', bytes: 10 }} />
        </StoreProvider>
      </I18nextProvider>,
    );

  it('offers "In Ordner zeigen" where the OS can show it, and not in the browser shell', async () => {
    expect(await render({ canShowInFolder: true })).toContain('In Ordner zeigen');
    expect(await render({ canShowInFolder: false })).not.toContain('In Ordner zeigen');
  });

  it('shows it in the OS\'s file manager in the app', async () => {
    const { fake, state } = setUp({ chooser: 'native' });
    await state().chooseDestination({ mode: 'folder' }, 'saveHandover');
    expect(await state().showInFolder('/home/tech/Documents/TSS Companion/beleg.pdf')).toBe(true);
    expect(fake.calls.at(-1)).toEqual({ channel: 'files:show', payload: { path: '/home/tech/Documents/TSS Companion/beleg.pdf' } });
    expect(state().chooser).toBeNull();
  });

  it('shows it in the in-app chooser in the browser shell, its folder open and the file marked', async () => {
    const { fake, state } = setUp();
    const chosen = state().chooseDestination({ mode: 'folder' }, 'saveHandover');
    await flush();
    state().closeChooser(true);
    await chosen;
    expect(state().canShowInFolder).toBe(true);
    expect(await state().showInFolder('/home/tech/Documents/TSS Companion/Filiale Nord/alt.pdf')).toBe(true);
    expect(fake.calls.at(-1)).toEqual({ channel: 'files:list', payload: { path: '/home/tech/Documents/TSS Companion/Filiale Nord' } });
    expect(state().chooser).toMatchObject({ mode: 'show', folder: '/home/tech/Documents/TSS Companion/Filiale Nord', name: 'alt.pdf' });
    const html = await renderStatic(
      <I18nextProvider i18n={createI18n('de')}>
        <StoreProvider store={createAppStore(createFakeCompanion().api, { chooser: state().chooser })}>
          <FileChooserDialog />
        </StoreProvider>
      </I18nextProvider>,
    );
    expect(html).toContain('<li aria-current="true"><strong>alt.pdf (gespeichert)</strong></li>');
    expect(html).toContain('>Schließen</button>');
    expect(html).not.toContain('>Speichern</button>');
  });

  it('splits a path into its folder and name, POSIX or Windows', () => {
    expect(splitPath('/home/t/a.pdf')).toEqual({ folder: '/home/t', name: 'a.pdf' });
    expect(splitPath('/a.pdf')).toEqual({ folder: '/', name: 'a.pdf' });
    expect(splitPath('C:\\Users\\t\\a.pdf')).toEqual({ folder: 'C:\\Users\\t', name: 'a.pdf' });
    expect(splitPath('C:\\a.pdf')).toEqual({ folder: 'C:\\', name: 'a.pdf' });
  });

  it('the PDF save passes the chosen file to main', async () => {
    const { fake, state } = setUp({ chooser: 'native' });
    state().openReceipt('00000000-0000-4000-8000-000000000001');
    await flush();
    await state().printPdf(80, { file: '/home/tech/Desktop/beleg.pdf' });
    expect(fake.calls.find((call) => call.channel === 'print:pdf')?.payload).toEqual({ runId: '00000000-0000-4000-8000-000000000001', width: 80, destination: { file: '/home/tech/Desktop/beleg.pdf' } });
  });
});
