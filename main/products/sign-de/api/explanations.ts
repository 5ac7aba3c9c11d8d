/**
 * What a fiskaly error code means for the technician, and what to do next, in German and English.
 * Codes not listed fall back to a general text by HTTP status.
 */
export interface Explanation {
  de: string;
  en: string;
}

export const EXPLANATIONS: Record<string, Explanation> = {
  E_ADMIN_PIN_BLOCKED: {
    de: 'Die Admin-PIN dieser TSS ist gesperrt. Nutzen Sie die PUK-Wiederherstellung, um eine neue PIN zu setzen.',
    en: 'The admin PIN of this TSS is blocked. Use the PUK recovery to set a new PIN.',
  },
  E_ADMIN_LOGIN_FAILED: {
    de: 'Die PUK wurde abgelehnt (oder die neue PIN ist kürzer als 6 Zeichen). Prüfen Sie die PUK im Tresor und versuchen Sie es erneut.',
    en: 'The PUK was refused (or the new PIN is shorter than 6 characters). Check the PUK in the vault and try again.',
  },
  E_CHANGE_ADMIN_PIN_FAILED: {
    de: 'Die PIN konnte nicht geändert werden: Die PUK ist falsch. Prüfen Sie die PUK im Tresor.',
    en: 'The PIN could not be changed: the PUK is wrong. Check the PUK in the vault.',
  },
  E_UNAUTHORIZED: {
    de: 'fiskaly hat die Anmeldung abgelehnt. Prüfen Sie API-Key und Secret (TEST oder LIVE) bzw. die Admin-PIN.',
    en: 'fiskaly refused the login. Check the API key and secret (TEST or LIVE), or the admin PIN.',
  },
  E_TX_LIMIT_REACHED: {
    de: 'Diese TSS hat 2.000 offene Transaktionen. Schließen Sie offene Transaktionen in der Filialübersicht.',
    en: 'This TSS has 2,000 open transactions. Close open transactions in the store overview.',
  },
  E_TSS_NOT_INITIALIZED: {
    de: 'Die TSS ist noch nicht initialisiert. Setzen Sie die Einrichtung fort, um sie zu initialisieren.',
    en: 'The TSS is not initialized yet. Resume the provisioning run to initialize it.',
  },
  E_TSS_DISABLED: {
    de: 'Die TSS ist außer Betrieb genommen, das ist endgültig. Legen Sie eine neue TSS mit neuen Kassen an.',
    en: 'The TSS is disabled, which is final. Create a new TSS with new clients.',
  },
  E_ILLEGAL_TSS_STATE_CHANGE: {
    de: 'Dieser Zustandswechsel der TSS ist nicht erlaubt. Laden Sie den aktuellen Zustand neu und setzen Sie dort fort.',
    en: 'This TSS state change is not allowed. Reload the current state and continue from there.',
  },
  E_ILLEGAL_CLIENT_SERIAL: {
    de: 'Die Seriennummer der Kasse ist ungültig oder an dieser TSS schon vergeben. Wählen Sie eine andere.',
    en: 'The client serial number is invalid or already used on this TSS. Choose another one.',
  },
  E_CLIENT_DEREGISTERED: {
    de: 'Die Kasse ist abgemeldet. Melden Sie sie in der Filialübersicht wieder an.',
    en: 'The client is deregistered. Register it again in the store overview.',
  },
  E_CLIENT_LIMIT_REACHED: {
    de: 'An dieser TSS sind schon 199 Kassen angemeldet. Melden Sie eine ab oder nutzen Sie eine weitere TSS.',
    en: 'This TSS already has 199 registered clients. Deregister one or use another TSS.',
  },
  E_TSS_LIMIT_REACHED: {
    de: 'Im TEST-Konto sind schon 5 aktive TSS. Nehmen Sie eine alte Test-TSS außer Betrieb und versuchen Sie es erneut.',
    en: 'The TEST account already has 5 active TSS. Disable an old test TSS and try again.',
  },
  E_TSS_LIMIT_PER_DAY_REACHED: {
    de: 'Heute wurden schon 500 TSS angelegt. Versuchen Sie es morgen erneut.',
    en: '500 TSS were created today already. Try again tomorrow.',
  },
  E_TSS_NOT_FOUND: {
    de: 'fiskaly kennt diese TSS nicht. Prüfen Sie, ob Sie in der richtigen Umgebung (TEST/LIVE) angemeldet sind.',
    en: 'fiskaly does not know this TSS. Check that you are logged in to the right environment (TEST/LIVE).',
  },
  E_CLIENT_NOT_FOUND: {
    de: 'fiskaly kennt diese Kasse nicht. Registrieren Sie die Kasse zuerst.',
    en: 'fiskaly does not know this client. Register the client first.',
  },
  E_TSS_CONFLICT: {
    de: 'Eine TSS mit dieser ID existiert schon in einem anderen Zustand. Setzen Sie den Lauf fort statt neu zu beginnen.',
    en: 'A TSS with this ID already exists in another state. Resume the run instead of starting over.',
  },
  E_CLIENT_CONFLICT: {
    de: 'Diese Kassen-ID ist bei fiskaly schon vergeben. Setzen Sie den Lauf fort; er verwendet seine eigenen IDs.',
    en: 'This client ID is already taken at fiskaly. Resume the run; it uses its own IDs.',
  },
  E_TSS_LOCKED: {
    de: 'fiskaly wartet die TSS gerade. Versuchen Sie es in einigen Minuten erneut.',
    en: 'fiskaly is maintaining the TSS right now. Try again in a few minutes.',
  },
  E_FAILED_SCHEMA_VALIDATION: {
    de: 'fiskaly hat die Anfrage als ungültig abgelehnt. Prüfen Sie die Eingaben.',
    en: 'fiskaly refused the request as invalid. Check the entries.',
  },
  E_NETWORK: {
    de: 'fiskaly ist nicht erreichbar. Prüfen Sie die Internetverbindung und setzen Sie den Lauf fort; nichts geht verloren.',
    en: 'fiskaly cannot be reached. Check the internet connection and resume the run; nothing is lost.',
  },
  E_TIMEOUT: {
    de: 'fiskaly hat nicht rechtzeitig geantwortet. Setzen Sie den Lauf fort; bereits Erledigtes wird nicht doppelt angelegt.',
    en: 'fiskaly did not answer in time. Resume the run; nothing done already is created twice.',
  },
  E_MIDDLEWARE_PENDING_REQUEST: {
    de: 'fiskaly bearbeitet noch eine frühere Anfrage für dieselbe TSS oder Kasse. Warten Sie einen Moment und versuchen Sie es erneut; nichts wird doppelt ausgeführt.',
    en: 'fiskaly is still working on an earlier request for the same TSS or client. Wait a moment and try again; nothing is done twice.',
  },
  E_TOO_MANY_REQUESTS: {
    de: 'fiskaly bittet um eine Pause (zu viele Anfragen in einer Minute). Warten Sie eine Minute und versuchen Sie es erneut.',
    en: 'fiskaly asks for a pause (too many requests in a minute). Wait a minute and try again.',
  },
  E_TX_NO_TYPE_DEFINED: {
    de: 'fiskaly nimmt diese Transaktion nicht an: Zum Abschließen oder Abbrechen braucht sie einen Vorgangstyp (Beleg mit Beträgen, auch 0,00). Laden Sie die Übersicht neu und versuchen Sie es erneut.',
    en: 'fiskaly refused this transaction: to finish or cancel it, it needs a process type (a receipt with amounts, zero allowed). Reload the overview and try again.',
  },
  E_EXPORT_NOT_COMPLETED: {
    de: 'Der Export ist bei fiskaly noch nicht fertig. Warten Sie und versuchen Sie es erneut; der laufende Export wird fortgesetzt, nicht neu angestoßen.',
    en: 'The export is not finished at fiskaly yet. Wait and try again; the running export is resumed, not started again.',
  },
  E_TOO_MANY_EXPORTS: {
    de: 'Für diese TSS laufen bei fiskaly schon 10 Exporte. Warten Sie, bis einige fertig sind, und versuchen Sie es erneut.',
    en: 'fiskaly is already making 10 exports for this TSS. Wait until some have finished and try again.',
  },
  E_EXPORT_DUPLICATE_RATE_LIMITED: {
    de: 'Ein gleicher Export dieser TSS läuft bei fiskaly schon. Warten Sie, bis er fertig ist, und versuchen Sie es erneut.',
    en: 'An identical export of this TSS is already running at fiskaly. Wait until it has finished and try again.',
  },
  E_TSS_ILLEGAL_STATE_TO_PERFORM_EXPORT: {
    de: 'Diese TSS kann noch nicht exportiert werden: Exporte gehen erst, wenn sie initialisiert (oder außer Betrieb) ist. Setzen Sie die Einrichtung fort.',
    en: 'This TSS cannot be exported yet: exports work once it is initialized (or disabled). Resume the provisioning run.',
  },
  E_EXPORT_NOT_FOUND: {
    de: 'fiskaly kennt diesen Export nicht (mehr). Starten Sie den Export neu.',
    en: 'fiskaly does not know this export (any more). Start the export again.',
  },
  // SIGN DE V1 (the migration's V1 client, api-v1/).
  E_TX_UPSERT: {
    de: 'fiskaly hat die Änderung der Transaktion abgelehnt: Revision oder Zustand passen nicht, etwa weil sie inzwischen an anderer Stelle geändert wurde. Laden Sie die Übersicht neu und versuchen Sie es erneut.',
    en: 'fiskaly refused the change to the transaction: its revision or state does not fit, e.g. it was changed elsewhere meanwhile. Reload the overview and try again.',
  },
  E_V1_CANCEL_NOT_CONFIRMED: {
    de: 'fiskaly hat den Abbruch der V1-Transaktion nicht bestätigt. Setzen Sie den Lauf fort; die Transaktion wird erneut geprüft.',
    en: 'fiskaly did not confirm the cancellation of the V1 transaction. Resume the run; the transaction is checked again.',
  },
  E_V1_DISABLE_NOT_CONFIRMED: {
    de: 'fiskaly hat die Außerbetriebnahme der V1-TSS angenommen, sie ist aber noch nicht außer Betrieb. Setzen Sie den Lauf fort; der Zustand wird erneut gelesen.',
    en: 'fiskaly accepted disabling the V1 TSS, but it does not read back as disabled. Resume the run; its state is read again.',
  },
  E_V1_EXPORT_FAILED: {
    de: 'Der V1-Export ist bei fiskaly gescheitert oder wurde abgebrochen. Setzen Sie den Lauf fort, um einen neuen Export anzustoßen.',
    en: 'The V1 export failed or was cancelled at fiskaly. Resume the run to start a new export.',
  },
  E_V1_EXPORT_EMPTY: {
    de: 'Die Exportdatei der V1-TSS kam leer an. Setzen Sie den Lauf fort, um sie erneut herunterzuladen.',
    en: 'The V1 TSS export file came back empty. Resume the run to download it again.',
  },
};

export function explain(code: string, status: number): Explanation {
  const known = EXPLANATIONS[code];
  if (known) return known;
  if (status === 429) return EXPLANATIONS.E_TOO_MANY_REQUESTS!;
  if (status === 444) return EXPLANATIONS.E_MIDDLEWARE_PENDING_REQUEST!;
  if (status >= 500) {
    return {
      de: 'fiskaly ist gerade überlastet oder gestört. Warten Sie kurz und setzen Sie den Lauf fort.',
      en: 'fiskaly is overloaded or disturbed right now. Wait a moment and resume the run.',
    };
  }
  return {
    de: 'fiskaly hat die Anfrage abgelehnt. Die Meldung von fiskaly steht unten; wenden Sie sich im Zweifel an den Support.',
    en: 'fiskaly refused the request. fiskaly’s message is below; contact support if in doubt.',
  };
}
