import type { Messages } from '../../i18n/de';
import type { ProductMessages } from '../../products';

/**
 * Makes `t('…')` check its key against the German message shapes: a product's screens see their own
 * namespace and `common`, everything else `common` only (at run time every namespace is a fallback, see
 * create-i18n.ts, so the neutral error notices find a product's texts).
 */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    fallbackNS: 'common';
    resources: { common: Messages } & ProductMessages;
  }
}
