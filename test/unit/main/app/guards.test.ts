import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../../../main/app/external-links';
import { hardenWebContents, refusePermissions } from '../../../../main/app/guards';
import { FakeWebContents, session, shell } from '../../../fakes/electron';

describe('hardenWebContents', () => {
  const contents = new FakeWebContents();
  hardenWebContents(contents as never);

  it('refuses navigation away from the app bundle and allows it within', () => {
    expect(contents.emitPreventable('will-navigate', 'https://example.com/')).toBe(true);
    expect(contents.emitPreventable('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.emitPreventable('will-navigate', 'app://other/index.html')).toBe(true);
    expect(contents.emitPreventable('will-navigate', 'app://bundle/index.html')).toBe(false);
    expect(contents.emitPreventable('will-redirect', 'https://example.com/')).toBe(true);
  });

  it('refuses webviews', () => {
    expect(contents.emitPreventable('will-attach-webview', {}, {})).toBe(true);
  });

  it('denies every new window and opens only allowlisted links in the browser', () => {
    expect(contents.windowOpenHandler?.({ url: 'https://developer.fiskaly.com/sign-de' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(shell.opened).toEqual(['https://developer.fiskaly.com/sign-de']);
  });
});

describe('isAllowedExternalUrl', () => {
  it.each([
    ['https://hub.fiskaly.com/', true],
    ['https://developer.fiskaly.com/api/kassensichv/v2', true],
    ['http://hub.fiskaly.com/', false],
    ['https://hub.fiskaly.com.evil.example/', false],
    ['https://user:pw@hub.fiskaly.com/', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed);
  });
});

describe('refusePermissions', () => {
  it('answers every permission request and check with no', () => {
    refusePermissions(session.defaultSession as never);
    let granted: boolean | undefined;
    session.defaultSession.permissionRequestHandler?.(null, 'media', (answer: boolean) => (granted = answer));
    expect(granted).toBe(false);
    expect(session.defaultSession.permissionCheckHandler?.(null, 'notifications')).toBe(false);
  });
});
