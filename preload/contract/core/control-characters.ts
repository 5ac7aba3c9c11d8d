/**
 * Characters no name, label or argument may hold, as plain values and functions: the renderer checks
 * inline with them, the schemas and the CLI enforce them.
 */

/** Code points no name may hold, beyond the C0/C1 controls and DEL: they hide, reorder or break text. */
const INVISIBLE_OR_REORDERING: ReadonlyMap<number, string> = new Map([
  [0x061c, 'an Arabic letter mark'],
  [0x200e, 'a left-to-right mark'],
  [0x200f, 'a right-to-left mark'],
  [0x2028, 'a line separator'],
  [0x2029, 'a paragraph separator'],
  [0x202a, 'a left-to-right embedding'],
  [0x202b, 'a right-to-left embedding'],
  [0x202c, 'a pop directional formatting'],
  [0x202d, 'a left-to-right override'],
  [0x202e, 'a right-to-left override'],
  [0x2066, 'a left-to-right isolate'],
  [0x2067, 'a right-to-left isolate'],
  [0x2068, 'a first-strong isolate'],
  [0x2069, 'a pop directional isolate'],
  [0xfeff, 'a byte-order mark, a zero-width no-break space'],
]);

const CONTROL_NAMES: ReadonlyMap<number, string> = new Map([
  [0x00, 'a NUL byte'],
  [0x09, 'a tab'],
  [0x0a, 'a line break'],
  [0x0d, 'a carriage return'],
  [0x1b, 'an escape character, as terminal escape sequences begin'],
  [0x7f, 'a delete character'],
]);

export interface ControlCharacter {
  /** 1-based position in the text, counted in characters (code points). */
  position: number;
  /** e.g. "U+001B". */
  codePoint: string;
  /** Plain words for it, e.g. "a line break". */
  description: string;
}

/**
 * The first character a name must not hold: C0 and C1 control characters (NUL, tab, line breaks, the ESC
 * of terminal escape sequences), DEL, line and paragraph separators, the byte-order mark and the
 * bidirectional marks, embeddings, overrides and isolates. Such characters rewrite a terminal, split a
 * log line or make a receipt read differently from what is stored. `lineBreaks` lets \n and \r through
 * (an address has lines).
 */
export function findControlCharacter(text: string, options: { lineBreaks?: boolean } = {}): ControlCharacter | null {
  let position = 0;
  for (const char of text) {
    position += 1;
    const code = char.codePointAt(0)!;
    if (options.lineBreaks && (code === 0x0a || code === 0x0d)) continue;
    const control = code < 0x20 || (code >= 0x7f && code <= 0x9f);
    if (!control && !INVISIBLE_OR_REORDERING.has(code)) continue;
    const description = CONTROL_NAMES.get(code) ?? INVISIBLE_OR_REORDERING.get(code) ?? 'a control character';
    return { position, codePoint: `U+${code.toString(16).toUpperCase().padStart(4, '0')}`, description };
  }
  return null;
}

/** "contains a line break (U+000A) at character 7": the words every refusal of a name uses. */
export const describeControlCharacter = (found: ControlCharacter): string =>
  `contains ${found.description} (${found.codePoint}) at character ${found.position}; names cannot hold control characters or text-direction marks`;
