/** The only places a link in the app may open, in the system browser: fiskaly's docs and HUB. */
const ALLOWED_HOSTS = new Set(['developer.fiskaly.com', 'docs.fiskaly.com', 'hub.fiskaly.com', 'www.fiskaly.com']);

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.username === '' && url.password === '' && ALLOWED_HOSTS.has(url.hostname);
}
