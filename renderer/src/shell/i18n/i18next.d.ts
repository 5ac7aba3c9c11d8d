import type { Messages } from '../../i18n/de';

/** Makes `t('…')` check its key against the German message shape. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
