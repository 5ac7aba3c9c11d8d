/**
 * Fixed-width text for receipt printers. Nothing is ever cut off: a value that does not fit is carried
 * over to the next line (at spaces where it has them, else at the column), as the AEAO forbids
 * shortening the receipt's data.
 */

/** Length in characters as a printer counts them (code points, not UTF-16 units). */
export function textWidth(text: string): number {
  return [...text].length;
}

/** Lines of at most `width` characters; spaces at a break are dropped, every other character is kept. */
export function wrapText(text: string, width: number): string[] {
  if (!Number.isInteger(width) || width < 1) throw new Error(`width must be a positive integer, got ${width}`);
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(' ').filter((w) => w !== '')) {
      if (line !== '' && textWidth(line) + 1 + textWidth(word) <= width) {
        line = `${line} ${word}`;
        continue;
      }
      if (line !== '') lines.push(line);
      const chunks = splitAt(word, width);
      line = chunks.pop() ?? '';
      lines.push(...chunks);
    }
    lines.push(line);
  }
  return lines;
}

/** `label … value` on one line when both fit, else the label and then the value word-wrapped below it. */
export function labelledLines(label: string, value: string, width: number): string[] {
  return oneLine(label, value, width) ?? [...wrapText(label, width), ...wrapText(value, width)];
}

/**
 * Like labelledLines for data that must stay character for character (signature, serial numbers, QR text):
 * below the label it is cut into full lines only, so the lines put together are exactly the value.
 */
export function labelledData(label: string, value: string, width: number): string[] {
  return oneLine(label, value, width) ?? [...wrapText(label, width), ...splitAt(value, width)];
}

/** Each line of the wrapped text centred (extra space goes to the right). */
export function centredLines(text: string, width: number): string[] {
  return wrapText(text, width).map((line) => ' '.repeat(Math.floor((width - textWidth(line)) / 2)) + line);
}

export function ruleLine(width: number, character = '-'): string {
  return character.repeat(width);
}

function oneLine(label: string, value: string, width: number): string[] | undefined {
  const room = width - textWidth(label) - 1;
  if (value.includes('\n') || textWidth(value) > room) return undefined;
  return [label + ' '.repeat(room - textWidth(value) + 1) + value];
}

function splitAt(word: string, width: number): string[] {
  const characters = [...word];
  const chunks: string[] = [];
  for (let i = 0; i < characters.length; i += width) chunks.push(characters.slice(i, i + width).join(''));
  return chunks;
}
