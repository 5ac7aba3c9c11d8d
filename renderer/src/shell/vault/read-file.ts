/** Reads a picked file as base64 (what vault:import-recovery takes); null when it cannot be read or is empty. */
export function readFileAsBase64(file: Blob): Promise<string | null> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(base64OfDataUrl(typeof reader.result === 'string' ? reader.result : ''));
    reader.onerror = () => resolve(null);
    reader.onabort = () => resolve(null);
    reader.readAsDataURL(file);
  });
}

/** "data:…;base64,AAAA" → "AAAA". */
export function base64OfDataUrl(dataUrl: string): string | null {
  const comma = dataUrl.indexOf(',');
  if (!dataUrl.startsWith('data:') || comma < 0 || !dataUrl.slice(0, comma).endsWith(';base64')) return null;
  const content = dataUrl.slice(comma + 1);
  return /^[A-Za-z0-9+/]+=*$/.test(content) ? content : null;
}
