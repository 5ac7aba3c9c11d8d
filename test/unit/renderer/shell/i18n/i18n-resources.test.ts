import { describe, expect, it } from 'vitest';
import { environmentIds, languages } from '../../../../../preload/contract/core/settings';
import { uiLanguages } from '../../../../../renderer/src/i18n/languages';
import { COMMON_NAMESPACE, createI18n, namespaces, resources } from '../../../../../renderer/src/shell/i18n/create-i18n';
import { environmentOrder } from '../../../../../renderer/src/shell/settings/settings-values';
import { operationArea } from '../../../../../renderer/src/state/ui-error';

/** Every leaf of a message tree as [dotted key, value]. */
function leaves(tree: object, prefix = ''): [string, unknown][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? leaves(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value]],
  );
}

/** One namespace's texts in one language, by dotted key. */
const messagesOf = (language: string, namespace: string) => new Map(leaves((resources[language] as Record<string, object>)[namespace]!));

describe('translations', () => {
  it('has the shell’s namespace first and one per product', () => {
    expect(namespaces[0]).toBe(COMMON_NAMESPACE);
    expect(namespaces).toContain('sign-de');
    for (const language of uiLanguages) expect(Object.keys(resources[language]!).sort()).toEqual([...namespaces].sort());
  });

  describe.each(namespaces)('namespace %s', (namespace) => {
    const german = messagesOf('de', namespace);
    const english = messagesOf('en', namespace);

    it('has the same keys in de and en', () => {
      expect(german.size).toBeGreaterThan(0);
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
  });

  it('has no key in two namespaces: a missing key is looked up in the others, so a twin would hide one text', () => {
    const seen = new Map<string, string>();
    for (const namespace of namespaces) {
      for (const key of messagesOf('de', namespace).keys()) {
        expect(seen.get(key), `${key} in ${namespace}`).toBeUndefined();
        seen.set(key, namespace);
      }
    }
  });

  it('covers every language and environment the contract knows', () => {
    const german = messagesOf('de', COMMON_NAMESPACE);
    expect([...uiLanguages]).toEqual([...languages]);
    expect([...environmentOrder]).toEqual([...environmentIds]);
    for (const environment of environmentIds) {
      expect(german.has(`environment.names.${environment}`)).toBe(true);
      expect(german.has(`environment.descriptions.${environment}`)).toBe(true);
    }
    for (const language of languages) expect(german.has(`language.names.${language}`)).toBe(true);
  });

  it('has a plain-language text for main’s error codes', () => {
    const german = messagesOf('de', COMMON_NAMESPACE);
    for (const code of ['E_INTERNAL', 'E_INVALID_REQUEST', 'E_UNKNOWN_CHANNEL', 'E_FORBIDDEN_SENDER']) {
      expect(german.has(`errors.codes.${code}`), code).toBe(true);
    }
  });

  it.each(uiLanguages)('names every operation’s failure in %s, whichever namespace has it', (language) => {
    const t = createI18n(language).t as unknown as (key: string, options: { defaultValue: string }) => string;
    for (const operation of Object.keys(operationArea)) {
      expect(t(`errors.operations.${operation}`, { defaultValue: '' }), operation).not.toBe('');
    }
  });
});
