import { describe, expect, it } from 'vitest';
import { printable, refuseControlCharacters, takeDataDir } from '../../../../main/cli/arguments';

describe('the shared --data-dir option', () => {
  const env = { TSS_COMPANION_DATA_DIR: '/from/env' };

  it.each([
    [['--sandbox', '--data-dir', '/d', '--clients', '2'], '/d', ['--sandbox', '--clients', '2'], true],
    [['--data-dir=/d', 'list'], '/d', ['list'], true],
    [['list'], '/from/env', ['list'], false],
  ])('takes it out of %j', (argv, dataDir, rest, given) => {
    expect(takeDataDir(argv, env)).toEqual({ dataDir, rest, given });
  });

  it.each([
    [['--data-dir'], /--data-dir needs a folder/],
    [['--data-dir', '/a', '--data-dir', '/b'], /given twice/],
  ])('refuses %j', (argv, message) => {
    expect(() => takeDataDir(argv, env)).toThrow(message);
  });
});

describe('control characters in arguments', () => {
  it.each([
    [['provision', '--store', 'Nord\nSüd'], /^the value of --store contains a line break \(U\+000A\) at character 5/],
    [['provision', '--store=Nord\u001b[31m'], /^the value of --store contains an escape character/],
    [['verify-qr', 'V0;\u202e'], /^argument 2 contains a right-to-left override/],
    [['provision', '--st\u0085ore', 'x'], /^the option --st\\u\{85\}ore contains a control character \(U\+0085\)/],
  ])('refuses %j, naming the argument', (argv, message) => {
    expect(() => refuseControlCharacters(argv, {})).toThrow(message);
  });

  it('lets line breaks through in a QR code text only (an order’s process data has lines)', () => {
    expect(() => refuseControlCharacters(['verify-qr', 'V0;K1;Bestellung-V1;1;"Brot";2.00\n1;"Kaffee";1.50;1'], {})).not.toThrow();
    expect(() => refuseControlCharacters(['verify-qr', 'V0;\u001b[2J'], {})).toThrow(/argument 2 contains an escape character/);
    expect(() => refuseControlCharacters(['provision', '--store', 'a\nb'], {})).toThrow(/line break/);
  });

  it('refuses them in TSS_COMPANION_DATA_DIR and lets plain text and umlauts through', () => {
    expect(() => refuseControlCharacters(['runs'], { TSS_COMPANION_DATA_DIR: '/tmp/x\ty' })).toThrow(/^TSS_COMPANION_DATA_DIR contains a tab/);
    expect(() => refuseControlCharacters(['provision', '--store', 'Filiale Köln-Süd (Theke)'], {})).not.toThrow();
  });

  it('shows control characters as escapes when printing', () => {
    expect(printable('Nord\u001b[31m\u202e\nnext')).toBe('Nord\\u{1b}[31m\\u{202e}\nnext');
  });
});
