import { describe, expect, it } from 'vitest';
import { documentsDir } from '../../../../main/browser-shell/documents-dir';

describe('the browser shell\'s Documents folder', () => {
  it('follows the XDG user dirs on Linux ("Dokumente" on a German desktop)', () => {
    expect(documentsDir('/home/t', 'XDG_DESKTOP_DIR="$HOME/Schreibtisch"\nXDG_DOCUMENTS_DIR="$HOME/Dokumente"\n', 'linux')).toBe('/home/t/Dokumente');
    expect(documentsDir('/home/t', 'XDG_DOCUMENTS_DIR="/data/docs"', 'linux')).toBe('/data/docs');
  });

  it('is ~/Documents without the file, with a value pointing at home, or off Linux', () => {
    expect(documentsDir('/home/t', null, 'linux')).toBe('/home/t/Documents');
    expect(documentsDir('/home/t', 'XDG_DOCUMENTS_DIR="$HOME/"', 'linux')).toBe('/home/t/Documents');
    expect(documentsDir('/home/t', 'XDG_DOCUMENTS_DIR="relative"', 'linux')).toBe('/home/t/Documents');
    expect(documentsDir('/Users/t', 'XDG_DOCUMENTS_DIR="$HOME/Dokumente"', 'darwin')).toBe('/Users/t/Documents');
  });
});
