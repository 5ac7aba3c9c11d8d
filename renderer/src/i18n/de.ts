/**
 * German texts, the default language and the source of the message shape: `en.ts` must have exactly
 * these keys (the compiler checks it, and a unit test checks it again at run time).
 */
export const de = {
  app: {
    name: 'TSS Companion',
    tagline: 'fiskaly SIGN DE für neue Filialen einrichten',
  },
  nav: {
    label: 'Hauptnavigation',
    home: 'Start',
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
  home: {
    title: 'Übersicht',
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
  errors: {
    regionLabel: 'Meldungen',
    operations: {
      loadInfo: 'Die App-Informationen konnten nicht geladen werden.',
      loadSettings: 'Die Einstellungen konnten nicht geladen werden.',
      saveSettings: 'Die Änderung wurde nicht gespeichert.',
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

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
