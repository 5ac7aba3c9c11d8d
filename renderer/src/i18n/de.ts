/**
 * German texts of the `common` namespace: the shell's and the shared building blocks'. German is the default
 * language and the source of the message shape: `en.ts` must have exactly these keys (the compiler checks
 * it, and a unit test checks it again at run time). Each product wing has its own namespace beside it.
 */
export const de = {
  app: {
    name: 'TSS Companion',
    tagline: 'fiskaly SIGN DE für neue Filialen einrichten',
  },
  nav: {
    label: 'Hauptnavigation',
    home: 'Start',
    wizard: 'Neue Filiale',
    recovery: 'PUK-Wiederherstellung',
    settings: 'Einstellungen',
  },
  language: {
    switcherLabel: 'Sprache / Language',
    names: { de: 'Deutsch', en: 'English' },
  },
  environment: {
    badgeLabel: 'Umgebung: {{name}}',
    unknown: 'unbekannt',
    names: { sandbox: 'Sandbox', test: 'fiskaly TEST', live: 'fiskaly LIVE' },
    badgeNotes: { sandbox: 'Training', test: 'Test', live: 'Echtbetrieb' },
    descriptions: {
      sandbox: 'Eingebaute Übungsumgebung, funktioniert offline. Alle Belege sind Trainingsbelege.',
      test: 'Testumgebung von fiskaly. Belege sind Trainingsbelege, nicht steuerlich relevant.',
      live: 'Echtbetrieb bei fiskaly. Jede Signatur ist echt und steuerlich relevant.',
    },
  },
  common: {
    loading: 'Wird geladen …',
    working: 'Bitte warten …',
    savedAt: 'Gespeichert unter:',
    yes: 'ja',
    no: 'nein',
    cancel: 'Abbrechen',
    backHome: 'Zurück zur Übersicht',
  },
  home: {
    title: 'Übersicht',
    startWizard: 'Neue Filiale einrichten',
    startRecovery: 'PUK-Wiederherstellung öffnen',
    aboutTitle: 'Über diese App',
    productName: 'Produkt',
    version: 'Version',
    dataDir: 'Datenordner',
    environmentsTitle: 'Umgebungen',
    baseUrl: 'Adresse (Base URL)',
    builtIn: 'eingebaut',
    trainingReceipts: 'Trainingsbelege',
    yes: 'ja',
    no: 'nein',
    active: 'aktiv',
    loading: 'App-Informationen werden geladen …',
    unavailable: 'Die App-Informationen sind gerade nicht verfügbar.',
  },
  vault: {
    title: 'Tresor',
    setupTitle: 'Tresor einrichten',
    unlockTitle: 'Tresor entsperren',
    unknown: 'Der Zustand des Tresors ist noch nicht bekannt.',
    ready: 'Der Tresor ist bereit. Gespeicherte Einträge: {{count}}.',
    setupIntro:
      'Im Tresor speichert TSS Companion Admin-PINs, PUKs und Zugangsdaten verschlüsselt. Legen Sie dafür jetzt eine Wiederherstellungs-Passphrase fest. Mit ihr öffnen Sie PINs und PUKs auch auf einem anderen Laptop, zum Beispiel aus der Wiederherstellungsdatei.',
    setupWarning:
      'Die Passphrase kann nicht wiederhergestellt werden. Wer sie vergisst, verliert den Zugriff auf PINs und PUKs außerhalb dieses Laptops. Bewahren Sie sie sicher auf, getrennt vom Laptop.',
    unlockIntro: 'Der Schlüsselbund des Betriebssystems hat den Tresor nicht geöffnet. Geben Sie die Wiederherstellungs-Passphrase ein, um ihn zu entsperren.',
    keychainProblem: 'Grund:',
    passphraseLabel: 'Wiederherstellungs-Passphrase',
    passphraseRepeatLabel: 'Passphrase wiederholen',
    passphraseHint: 'Mindestens {{min}} Zeichen. Ein Satz aus mehreren Wörtern ist leicht zu merken und schwer zu erraten.',
    passphraseTooShort: 'Die Passphrase ist zu kurz: Sie braucht mindestens {{min}} Zeichen.',
    passphraseMismatch: 'Die beiden Eingaben stimmen nicht überein. Geben Sie die Passphrase zweimal gleich ein.',
    passphraseMissing: 'Geben Sie die Passphrase ein.',
    setupButton: 'Tresor einrichten',
    unlockButton: 'Tresor entsperren',
  },
  vaultSafety: {
    damagedTitle: 'Der Tresor braucht Aufmerksamkeit',
    tampered: 'Die Tresordatei ist beschädigt oder wurde verändert. Sie wurde nicht verwendet, und nichts wurde gelöscht.',
    rollback:
      'Die Tresordatei ist älter als die neueste, die dieser Laptop gespeichert hat: Eine ältere Kopie wurde an ihre Stelle gesetzt, daher fehlen womöglich PINs oder PUKs, die seitdem gespeichert wurden. Sie wurde nicht verwendet, und nichts wurde gelöscht.',
    restoreIntro:
      'Die vorige Generation des Tresors ist intakt. Stellen Sie sie mit der Wiederherstellungs-Passphrase wieder her: Die abgelehnte Datei wird beiseitegelegt. Importieren Sie danach Ihre neueste Wiederherstellungsdatei, um zurückzuholen, was seitdem gespeichert wurde.',
    noPrevious: 'Es gibt keine intakte vorige Generation. Importieren Sie Ihre neueste Wiederherstellungsdatei oder wenden Sie sich an den Support.',
    restoreButton: 'Vorige Generation wiederherstellen',
    restored: 'Die vorige Generation ist wieder da. Importieren Sie Ihre neueste Wiederherstellungsdatei, um zurückzuholen, was danach gespeichert wurde.',
    vaultPassphraseLabel: 'Wiederherstellungs-Passphrase dieses Tresors',
    vaultPassphraseHint: 'Der Import verändert den Tresor und braucht daher auch die Passphrase dieses Laptops, selbst wenn die Datei dieselbe hat.',
    conflicts: 'Einträge, die vom Tresor abweichen: {{number}}. Der Tresor behält seine eigene PUK oder PIN und verwendet sie; die importierte wird daneben aufbewahrt.',
    conflictKinds: { 'admin-puk': 'Admin-PUK', 'admin-pin': 'Admin-PIN', 'api-credentials': 'Zugangsdaten' },
    conflictEntry: '{{kind}} der TSS {{tssId}} {{store}}',
  },
  backup: {
    exportTitle: 'Wiederherstellungsdatei speichern',
    exportSummary: 'Wiederherstellungsdatei sichern',
    exportIntro:
      'Die Wiederherstellungsdatei enthält alle PINs und PUKs dieses Tresors, mit der Passphrase verschlüsselt. Mit ihr stellen Sie eine PUK auch auf einem anderen Laptop ohne Netz wieder her.',
    exportButton: 'Wiederherstellungsdatei speichern',
    importTitle: 'Wiederherstellungsdatei importieren',
    importIntro: 'Übernimmt PINs und PUKs aus einer Wiederherstellungsdatei, zum Beispiel von einem anderen Laptop. Vorhandene Einträge bleiben erhalten.',
    fileLabel: 'Wiederherstellungsdatei',
    fileMissing: 'Wählen Sie zuerst die Wiederherstellungsdatei aus.',
    fileUnreadable: 'Die Datei konnte nicht gelesen werden oder ist leer. Wählen Sie die Wiederherstellungsdatei erneut aus.',
    filePassphraseLabel: 'Passphrase der Datei',
    importButton: 'Datei importieren',
    imported: 'Importiert: {{added}} neu, {{updated}} aktualisiert, {{kept}} unverändert.',
  },
  orgs: {
    title: 'Organisationen und Zugangsdaten',
    none: 'Noch keine Zugangsdaten gespeichert. Für die Sandbox brauchen Sie keine.',
    addTitle: 'Zugangsdaten hinzufügen',
    addIntro: 'API-Key und API-Secret stehen im fiskaly-Dashboard unter der Organisation der Filiale. TEST- und LIVE-Schlüssel sind verschieden.',
    environmentLabel: 'Umgebung der Zugangsdaten',
    environmentHint: 'fiskaly prüft beim ersten Anmelden, ob der Schlüssel wirklich zu dieser Umgebung gehört.',
    labelLabel: 'Bezeichnung',
    labelHint: 'Ein Name, an dem Sie die Organisation erkennen, zum Beispiel der Firmenname.',
    labelMissing: 'Geben Sie eine Bezeichnung ein.',
    labelTooLong: 'Die Bezeichnung ist zu lang: höchstens 100 Zeichen.',
    apiKeyLabel: 'API-Key',
    apiKeyMissing: 'Geben Sie den API-Key ein.',
    apiSecretLabel: 'API-Secret',
    apiSecretHint: 'Wird verschlüsselt im Tresor gespeichert und nie wieder angezeigt.',
    apiSecretMissing: 'Geben Sie das API-Secret ein.',
    saveButton: 'Zugangsdaten speichern',
    saved: 'Gespeichert: {{label}}. Das Secret liegt verschlüsselt im Tresor.',
    keyHint: 'API-Key (Anfang)',
    id: 'Organisations-ID',
  },
  confirm: {
    typeNameOrKeyword: 'Zur Bestätigung „{{name}}“ oder {{keyword}} eingeben',
    typeKeyword: 'Zur Bestätigung {{keyword}} eingeben',
  },
  settings: {
    title: 'Einstellungen',
    languageLegend: 'Sprache',
    environmentLegend: 'Umgebung',
    environmentHint: 'Die Umgebung bestimmt, wo Kassen und TSS angelegt werden. Für Schulungen die Sandbox verwenden.',
    loading: 'Einstellungen werden geladen …',
    unavailable: 'Die Einstellungen sind gerade nicht verfügbar.',
    saving: 'Wird gespeichert …',
  },
  confirmLive: {
    title: 'Zu fiskaly LIVE wechseln?',
    body: 'In fiskaly LIVE ist jede Signatur echt und steuerlich relevant. Es entstehen keine Trainingsbelege. Wechseln Sie nur, wenn Sie die Filiale jetzt wirklich in Betrieb nehmen.',
    cancel: 'Abbrechen',
    confirm: 'Zu LIVE wechseln',
  },
  passphraseConfirm: {
    hint: 'TSS Companion prüft vorher die Wiederherstellungs-Passphrase des Tresors. Eine falsche ändert nichts.',
    cancel: 'Abbrechen',
  },
  errors: {
    regionLabel: 'Meldungen',
    operations: {
      loadInfo: 'Die App-Informationen konnten nicht geladen werden.',
      loadSettings: 'Die Einstellungen konnten nicht geladen werden.',
      saveSettings: 'Die Änderung wurde nicht gespeichert.',
      loadVault: 'Der Zustand des Tresors konnte nicht gelesen werden.',
      setupVault: 'Der Tresor wurde nicht eingerichtet.',
      unlockVault: 'Der Tresor wurde nicht entsperrt.',
      exportRecovery: 'Die Wiederherstellungsdatei wurde nicht gespeichert.',
      importRecovery: 'Die Wiederherstellungsdatei wurde nicht importiert.',
      restoreVault: 'Die vorige Generation des Tresors wurde nicht wiederhergestellt.',
      loadOrgs: 'Die Organisationen konnten nicht geladen werden.',
      saveOrg: 'Die Zugangsdaten wurden nicht gespeichert.',
    },
    codes: {
      E_INTERNAL:
        'In TSS Companion ist ein unerwartetes Problem aufgetreten. Versuchen Sie es erneut; wenn es wieder passiert, starten Sie die App neu.',
      E_INVALID_REQUEST:
        'Die Anfrage wurde abgelehnt, weil ein Wert nicht gültig war. Prüfen Sie die Auswahl und versuchen Sie es erneut.',
      E_UNKNOWN_CHANNEL:
        'Diese Aktion kennt TSS Companion nicht. Starten Sie die App neu; wenn es wieder passiert, installieren Sie die aktuelle Version.',
      E_FORBIDDEN_SENDER:
        'Die Anfrage kam nicht aus dem Fenster von TSS Companion und wurde abgelehnt. Schließen Sie andere Fenster und starten Sie die App neu.',
      E_BRIDGE_UNAVAILABLE:
        'Die Oberfläche ist nicht mit der App verbunden. Schließen Sie TSS Companion und starten Sie die App neu.',
      E_BRIDGE_CALL_FAILED:
        'Die Verbindung zur App wurde unterbrochen. Versuchen Sie es erneut; wenn es wieder passiert, starten Sie die App neu.',
      E_BAD_RESPONSE:
        'Die App hat eine unerwartete Antwort geschickt. Versuchen Sie es erneut; wenn es wieder passiert, starten Sie die App neu.',
      E_VAULT_WRONG_PASSPHRASE: 'Die Passphrase ist falsch. Achten Sie auf Groß- und Kleinschreibung und versuchen Sie es erneut.',
      E_VAULT_WEAK_PASSPHRASE: 'Die Passphrase ist zu schwach. Wählen Sie eine längere, zum Beispiel einen Satz aus mehreren Wörtern.',
      E_VAULT_LOCKED: 'Der Tresor ist gesperrt. Entsperren Sie ihn auf der Übersicht mit der Wiederherstellungs-Passphrase.',
      E_VAULT_NOT_INITIALIZED: 'Der Tresor ist noch nicht eingerichtet. Richten Sie ihn auf der Übersicht ein.',
      E_VAULT_EXISTS: 'Der Tresor ist schon eingerichtet. Laden Sie die Übersicht neu.',
      E_VAULT_KEYCHAIN_UNAVAILABLE: 'Der Schlüsselbund des Betriebssystems ist nicht verfügbar. Entsperren Sie den Tresor mit der Wiederherstellungs-Passphrase.',
      E_VAULT_TAMPERED: 'Die Tresordatei ist beschädigt oder wurde verändert. Sie wurde nicht verwendet, und nichts wurde gelöscht. Stellen Sie auf der Übersicht die vorige Generation wieder her, wenn sie es anbietet, oder importieren Sie Ihre neueste Wiederherstellungsdatei.',
      E_VAULT_ENTRY_NOT_FOUND: 'Für diese TSS ist im Tresor nichts gespeichert. Importieren Sie die Wiederherstellungsdatei des Laptops, auf dem sie eingerichtet wurde.',
      E_VAULT_RECOVERY_FILE_INVALID: 'Das ist keine gültige Wiederherstellungsdatei, oder sie ist beschädigt. Wählen Sie die richtige Datei aus.',
      E_VAULT_ROLLBACK:
        'Die Tresordatei ist älter als die neueste, die dieser Laptop gespeichert hat. Stellen Sie auf der Übersicht die vorige Generation wieder her und importieren Sie dann Ihre neueste Wiederherstellungsdatei.',
      E_VAULT_NO_PREVIOUS_GENERATION: 'Es gibt keine intakte vorige Generation zum Wiederherstellen. Importieren Sie Ihre neueste Wiederherstellungsdatei.',
      E_VAULT_NOTHING_TO_RESTORE: 'Der Tresor ist intakt und aktuell, daher wurde nichts wiederhergestellt. Laden Sie die Übersicht neu.',
      E_VAULT_UNSUPPORTED_VERSION: 'Diese Datei stammt aus einer neueren Version von TSS Companion. Installieren Sie die aktuelle Version.',
      E_PRINTER_ADDRESS_INVALID: 'Die Adresse des Druckers ist ungültig. Geben Sie Host oder IP-Adresse und den Port (meist 9100) ein.',
      E_PRINTER_NAME_NOT_FOUND: 'Der Name des Druckers ist im Netz nicht bekannt. Geben Sie seine IP-Adresse ein.',
      E_PRINTER_UNREACHABLE: 'Der Drucker ist nicht erreichbar. Prüfen Sie, ob er eingeschaltet und im selben Netz ist.',
      E_PRINTER_REFUSED: 'Der Drucker hat die Verbindung abgelehnt. Prüfen Sie den Port (meist 9100).',
      E_PRINTER_CONNECT_TIMEOUT: 'Der Drucker antwortet nicht. Prüfen Sie Adresse, Netzwerkkabel und ob er eingeschaltet ist.',
      E_PRINTER_WRITE_TIMEOUT: 'Der Drucker nimmt keine Daten an. Prüfen Sie Papier und Deckel und versuchen Sie es erneut.',
      E_PRINTER_CONNECTION_LOST: 'Die Verbindung zum Drucker ist abgebrochen. Versuchen Sie es erneut.',
      E_PRINTER_FAILED: 'Der Druck ist fehlgeschlagen. Prüfen Sie den Drucker und versuchen Sie es erneut.',
      E_CONFIRMATION_REQUIRED: 'Dieser Schritt braucht die Wiederherstellungs-Passphrase des Tresors. Geben Sie sie im Dialog ein und versuchen Sie es erneut; es wurde nichts geändert.',
      E_CONFIRMATION_FAILED: 'Die Passphrase ist falsch, daher wurde nichts geändert. Achten Sie auf die Feststelltaste und das Tastaturlayout und versuchen Sie es erneut.',
      E_PRINTER_ADDRESS_NOT_ALLOWED: 'TSS Companion druckt nur auf Drucker im eigenen Netz der Filiale (z. B. 192.168.x.x oder 10.x.x.x). Geben Sie die IP-Adresse vom Netzwerk-Statusblatt des Druckers ein.',
      E_PRINTER_PORT_NOT_ALLOWED: 'TSS Companion druckt nur auf die Ports 9100 bis 9109 (Rohdruck). Bondrucker verwenden 9100.',
    },
    unknownNext:
      'Versuchen Sie es erneut. Wenn es wieder passiert, starten Sie TSS Companion neu und nennen Sie dem Support den Fehlercode.',
    codeLabel: 'Fehlercode:',
    retry: 'Erneut versuchen',
    dismiss: 'Meldung schließen',
  },
  crash: {
    title: 'Diese Ansicht konnte nicht angezeigt werden',
    body: 'Ein Fehler in der Oberfläche hat die Anzeige gestoppt. Gespeicherte Daten sind davon nicht betroffen. Laden Sie die Oberfläche neu; wenn es wieder passiert, starten Sie TSS Companion neu.',
    reload: 'Neu laden',
  },
};

/** The shape every language must have: the same keys, every leaf a string. */
export type Messages = Widen<typeof de>;

/** A message tree's shape with every text widened to `string`. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
