/** A store name as part of a file name: letters, digits and dashes only, at most 60 characters. */
export function fileNamePart(name: string, fallback: string): string {
  return name.replace(/[^A-Za-z0-9ÄÖÜäöüß-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || fallback;
}
