/**
 * Decodes standard base64 only when the text is exactly what encoding the bytes gives back.
 * Node's decoder ignores stray characters and non-zero padding bits, so on a receipt a changed
 * last character could otherwise decode to the same bytes and go unnoticed.
 */
export function decodeCanonicalBase64(text: string): Uint8Array | undefined {
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text && text.length > 0 ? new Uint8Array(bytes) : undefined;
}
