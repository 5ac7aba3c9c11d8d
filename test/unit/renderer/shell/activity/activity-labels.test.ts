import { describe, expect, it } from 'vitest';
import { isKnownKind, reasonKey } from '../../../../../renderer/src/shell/activity/activity-labels';
import { createI18n } from '../../../../../renderer/src/shell/i18n/create-i18n';

describe('the activity log’s labels', () => {
  it('name main’s known reasons in the screen’s language (a German screen read "PUK recovery"), others as written', () => {
    const de = createI18n('de').t as unknown as (key: string) => string;
    const en = createI18n('en').t as unknown as (key: string) => string;
    expect(de(`activity.reasons.${reasonKey('PUK recovery')}`)).toBe('PUK-Wiederherstellung');
    expect(de(`activity.reasons.${reasonKey('recovery file export')}`)).toBe('Wiederherstellungsdatei gespeichert');
    expect(de(`activity.reasons.${reasonKey('recovery file import')}`)).toBe('Wiederherstellungsdatei importiert');
    expect(en(`activity.reasons.${reasonKey('PUK recovery')}`)).toBe('PUK recovery');
    expect(reasonKey('a reason of its own')).toBeNull();
    expect(reasonKey('constructor')).toBeNull();
  });

  it('know the vault’s entry kinds', () => {
    expect(['admin-pin', 'admin-puk', 'api-credentials'].every(isKnownKind)).toBe(true);
    expect(isKnownKind('something-else')).toBe(false);
  });
});
