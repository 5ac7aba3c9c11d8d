import type { MessageBoxSyncOptions } from 'electron';

export type QuitLanguage = 'de' | 'en';

/** The question asked before the window closes while a setup runs; the safe answer (stay) is the default. */
export function quitQuestion(language: QuitLanguage, runningStores: number): MessageBoxSyncOptions {
  const de = language === 'de';
  return {
    type: 'warning',
    buttons: de ? ['Weiterlaufen lassen', 'Trotzdem beenden'] : ['Keep it running', 'Quit anyway'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
    title: de ? 'Einrichtung läuft' : 'Setup in progress',
    message: de
      ? runningStores === 1
        ? 'Eine Einrichtung läuft noch.'
        : `${runningStores} Einrichtungen laufen noch.`
      : runningStores === 1
        ? 'A setup is still running.'
        : `${runningStores} setups are still running.`,
    detail: de
      ? 'Wenn Sie jetzt beenden, hält sie nach dem laufenden Schritt an. Sie können sie beim nächsten Start fortsetzen.'
      : 'If you quit now, it stops after the current step. You can resume it at the next start.',
  };
}

/** The parts of a BrowserWindow the guard needs. */
export interface GuardedWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
}

/**
 * Asks before the window closes (close button, Cmd+Q, the menu's Quit) while a setup runs; "stay", the
 * default, keeps the window. Once the technician chose to quit, the close goes on.
 */
export function guardQuit(window: GuardedWindow, options: { running(): number; language(): QuitLanguage; ask(question: MessageBoxSyncOptions): number }): void {
  window.on('close', (event) => {
    const running = options.running();
    if (running === 0) return;
    if (options.ask(quitQuestion(options.language(), running)) !== 1) event.preventDefault();
  });
}
