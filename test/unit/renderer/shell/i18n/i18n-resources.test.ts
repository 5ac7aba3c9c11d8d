import { describe, expect, it } from 'vitest';
import { environmentIds, languages } from '../../../../../preload/contract/core/settings';
import { de } from '../../../../../renderer/src/i18n/de';
import { en } from '../../../../../renderer/src/i18n/en';
import { uiLanguages } from '../../../../../renderer/src/i18n/languages';
import { environmentOrder } from '../../../../../renderer/src/shell/settings/settings-values';

/** Every leaf of a message tree as [dotted key, value]. */
function leaves(tree: object, prefix = ''): [string, unknown][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? leaves(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value]],
  );
}

describe('translations', () => {
  const german = new Map(leaves(de));
  const english = new Map(leaves(en));

  it('de and en have exactly the same keys', () => {
    expect([...english.keys()].sort()).toEqual([...german.keys()].sort());
  });

  it.each([
    ['de', german],
    ['en', english],
  ])('%s has a non-empty string for every key', (_name, messages) => {
    for (const [key, value] of messages) {
      expect(typeof value, key).toBe('string');
      expect((value as string).trim(), key).not.toBe('');
    }
  });

  it('uses the same interpolation variables in both languages', () => {
    const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();
    for (const [key, value] of german) {
      expect(variables(english.get(key) as string), key).toEqual(variables(value as string));
    }
  });

  it('actually translates: most English texts differ from the German ones', () => {
    const same = [...german].filter(([key, value]) => english.get(key) === value).map(([key]) => key);
    // Product, environment and language names are the same words in both languages.
    expect(same.every((key) => /^(app\.name|environment\.names\.|language\.|environment\.badgeNotes\.(sandbox|test)|home\.version)/.test(key)), same.join(', ')).toBe(true);
  });

  it('covers every language and environment the contract knows', () => {
    expect([...uiLanguages]).toEqual([...languages]);
    expect([...environmentOrder]).toEqual([...environmentIds]);
    for (const environment of environmentIds) {
      expect(german.has(`environment.names.${environment}`)).toBe(true);
      expect(german.has(`environment.descriptions.${environment}`)).toBe(true);
    }
    for (const language of languages) expect(german.has(`language.names.${language}`)).toBe(true);
  });

  it('has a plain-language text for main’s error codes', () => {
    for (const code of ['E_INTERNAL', 'E_INVALID_REQUEST', 'E_UNKNOWN_CHANNEL', 'E_FORBIDDEN_SENDER']) {
      expect(german.has(`errors.codes.${code}`), code).toBe(true);
    }
  });
});
