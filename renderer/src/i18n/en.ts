import type { Messages } from './de';

/** English texts. Typed as `Messages`, so a missing or an extra key does not compile. */
export const en: Messages = {
  app: {
    name: 'TSS Companion',
    tagline: 'Set up fiskaly SIGN DE for new stores',
  },
  nav: {
    label: 'Main navigation',
    home: 'Home',
    settings: 'Settings',
  },
  language: {
    switcherLabel: 'Sprache / Language',
    names: { de: 'Deutsch', en: 'English' },
  },
  environment: {
    badgeLabel: 'Environment: {{name}}',
    unknown: 'unknown',
    names: { sandbox: 'Sandbox', test: 'fiskaly TEST', live: 'fiskaly LIVE' },
    badgeNotes: { sandbox: 'Training', test: 'Test', live: 'Real receipts' },
    descriptions: {
      sandbox: 'Built-in practice environment that works offline. Every receipt is a training receipt.',
      test: 'fiskaly’s test environment. Receipts are training receipts with no fiscal effect.',
      live: 'fiskaly’s live environment. Every signature is real and fiscally relevant.',
    },
  },
  home: {
    title: 'Overview',
    aboutTitle: 'About this app',
    productName: 'Product',
    version: 'Version',
    dataDir: 'Data folder',
    environmentsTitle: 'Environments',
    baseUrl: 'Address (base URL)',
    builtIn: 'built in',
    trainingReceipts: 'Training receipts',
    yes: 'yes',
    no: 'no',
    active: 'active',
    loading: 'Loading app information …',
    unavailable: 'The app information is not available right now.',
  },
  settings: {
    title: 'Settings',
    languageLegend: 'Language',
    environmentLegend: 'Environment',
    environmentHint: 'The environment decides where POS clients and TSS are created. Use the sandbox for training.',
    loading: 'Loading settings …',
    unavailable: 'The settings are not available right now.',
    saving: 'Saving …',
  },
  confirmLive: {
    title: 'Switch to fiskaly LIVE?',
    body: 'In fiskaly LIVE every signature is real and fiscally relevant. No training receipts are made. Switch only when you are really putting the store into operation now.',
    cancel: 'Cancel',
    confirm: 'Switch to LIVE',
  },
  errors: {
    regionLabel: 'Messages',
    operations: {
      loadInfo: 'The app information could not be loaded.',
      loadSettings: 'The settings could not be loaded.',
      saveSettings: 'Your change was not saved.',
    },
    codes: {
      E_INTERNAL: 'TSS Companion hit an unexpected problem. Try again; if it happens again, restart the app.',
      E_INVALID_REQUEST: 'The request was refused because a value was not valid. Check your choice and try again.',
      E_UNKNOWN_CHANNEL:
        'TSS Companion does not know this action. Restart the app; if it happens again, install the current version.',
      E_FORBIDDEN_SENDER:
        'The request did not come from the TSS Companion window and was refused. Close other windows and restart the app.',
      E_BRIDGE_UNAVAILABLE: 'The screen is not connected to the app. Close TSS Companion and start it again.',
      E_BRIDGE_CALL_FAILED: 'The connection to the app was interrupted. Try again; if it happens again, restart the app.',
      E_BAD_RESPONSE: 'The app sent an unexpected answer. Try again; if it happens again, restart the app.',
    },
    unknownNext: 'Try again. If it happens again, restart TSS Companion and tell support the error code.',
    codeLabel: 'Error code:',
    retry: 'Try again',
    dismiss: 'Dismiss message',
  },
  crash: {
    title: 'This view could not be shown',
    body: 'An error in the user interface stopped the display. Saved data is not affected. Reload the interface; if it happens again, restart TSS Companion.',
    reload: 'Reload',
  },
};
