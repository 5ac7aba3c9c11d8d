/**
 * A PUK cut into groups for reading it aloud (over the phone, to a colleague): groups of five when its
 * length allows, else of four; the last group may be shorter. Only for display: copying takes it whole.
 */
export function pukGroups(puk: string): string[] {
  const size = puk.length % 5 === 0 ? 5 : 4;
  const groups: string[] = [];
  for (let start = 0; start < puk.length; start += size) groups.push(puk.slice(start, start + size));
  return groups;
}
