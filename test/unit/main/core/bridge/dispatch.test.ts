import { describe, expect, it } from 'vitest';
import { type Handlers, createDispatch } from '../../../../../main/core/bridge/dispatch';
import { AppError } from '../../../../../main/core/errors';

const settings = { language: 'de' as const, environment: 'sandbox' as const };

/** Only the channels these tests call; the rest are never reached. */
function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return <Handlers>{
    'app:info': () => ({ name: 'x', version: '1', dataDir: '/d', environments: [] }),
    'settings:get': () => settings,
    'settings:set': (patch) => ({ ...settings, ...patch }),
    ...overrides,
  };
}

describe('createDispatch', () => {
  it('runs the handler with the parsed payload', async () => {
    const dispatch = createDispatch(handlers());
    expect(await dispatch('settings:set', { language: 'en' })).toEqual({
      ok: true,
      value: { language: 'en', environment: 'sandbox' },
    });
  });

  it.each([undefined, 'app:nope', 42, '__proto__', 'constructor'])('refuses the unknown channel %s', async (channel) => {
    const result = await createDispatch(handlers())(channel, undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'E_UNKNOWN_CHANNEL' } });
  });

  it.each([
    ['a wrong type', { language: 42 }],
    ['an unknown key', { colour: 'red' }],
    ['not an object', 'de'],
    ['an array', ['de']],
  ])('refuses %s without echoing the value', async (_label, payload) => {
    const result = await createDispatch(handlers())('settings:set', payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'E_INVALID_REQUEST' } });
    if (!result.ok) expect(result.error.message).toMatch(/^The request for settings:set was refused: /);
  });

  it('refuses a payload on a channel that takes none', async () => {
    const result = await createDispatch(handlers())('app:info', { sneaky: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'E_INVALID_REQUEST' } });
  });

  it('keeps the code and message of an AppError', async () => {
    const dispatch = createDispatch(
      handlers({
        'settings:get': () => {
          throw new AppError('E_SETTINGS_UNREADABLE', 'The settings file could not be read.');
        },
      }),
    );
    expect(await dispatch('settings:get', undefined)).toEqual({
      ok: false,
      error: { code: 'E_SETTINGS_UNREADABLE', message: 'The settings file could not be read.' },
    });
  });

  it('never passes an unexpected error message on, as it may hold a secret', async () => {
    const dispatch = createDispatch(
      handlers({
        'app:info': () => {
          throw new TypeError('token eyJhbGciOi.secret failed');
        },
      }),
    );
    const result = await dispatch('app:info', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'E_INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('eyJhbGciOi');
    expect(JSON.stringify(result)).toContain('TypeError');
  });
});
