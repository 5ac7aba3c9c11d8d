import { describe, expect, it } from 'vitest';
import { EAS_ELEMENTS, ELSTER_146A_NAMESPACE, buildHandover, escapeXml, handoverXml } from '../../../../../../main/products/sign-de/handover';
import { fullStoreRecord } from './store-record-fixture';

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * A strict walk over the XML this module writes: the declaration, comments, elements with double-quoted
 * attributes, text with the five entities. Anything else (a stray '<' or '&', a tag closed out of order) throws.
 */
function parseXml(xml: string): { declaration: string; root: XmlElement } {
  const declaration = /^<\?xml [^?]*\?>\n/.exec(xml);
  if (!declaration) throw new Error('no declaration');
  let at = declaration[0].length;
  const stack: XmlElement[] = [{ name: '#document', attributes: {}, children: [], text: '' }];
  const name = '[A-Za-z_][A-Za-z0-9_.-]*';
  while (at < xml.length) {
    const rest = xml.slice(at);
    let match: RegExpExecArray | null;
    if ((match = /^<!--([\s\S]*?)-->/.exec(rest))) {
      if (match[1]!.includes('--')) throw new Error('"--" in a comment');
    } else if ((match = new RegExp(`^<(${name})((?:\\s+${name}="[^"<&]*")*)\\s*>`).exec(rest))) {
      const attributes = Object.fromEntries([...match[2]!.matchAll(new RegExp(`(${name})="([^"]*)"`, 'g'))].map((a) => [a[1]!, a[2]!]));
      const element: XmlElement = { name: match[1]!, attributes, children: [], text: '' };
      stack.at(-1)!.children.push(element);
      stack.push(element);
    } else if ((match = new RegExp(`^</(${name})\\s*>`).exec(rest))) {
      const open = stack.pop();
      if (open?.name !== match[1]) throw new Error(`</${match[1]}> closes <${open?.name}>`);
    } else if ((match = /^[^<]+/.exec(rest))) {
      const text = match[0].replace(/&([a-z]+);|&/g, (entity, known: string | undefined) => {
        if (!known || !(known in ENTITIES)) throw new Error(`bad entity ${entity}`);
        return ENTITIES[known]!;
      });
      stack.at(-1)!.text += text;
    } else {
      throw new Error(`not XML at ${at}: ${rest.slice(0, 20)}`);
    }
    at += match[0].length;
  }
  if (stack.length !== 1) throw new Error(`<${stack.at(-1)?.name}> not closed`);
  const roots = stack[0]!.children;
  if (roots.length !== 1) throw new Error('not one root element');
  return { declaration: declaration[0].trim(), root: roots[0]! };
}

describe('handoverXml', () => {
  const handover = buildHandover(fullStoreRecord(), new Date('2026-05-20T10:15:00Z'));
  const xml = handoverXml(handover);

  it('is well-formed, with the double-quoted declaration, the namespace and the nested root', () => {
    const { declaration, root } = parseXml(xml);
    expect(declaration).toBe('<?xml version="1.0" encoding="UTF-8" standalone="no"?>');
    expect(root.name).toBe('Aufzeichnung146a');
    expect(root.attributes).toEqual({ xmlns: ELSTER_146A_NAMESPACE, version: '1' });
    expect(root.children.map((c) => c.name)).toEqual(['Aufzeichnung146a']);
    expect(root.children[0]!.children.map((c) => c.name)).toEqual(['AngabenAufzeichnungssystem', 'AngabenAufzeichnungssystem', 'AngabenAufzeichnungssystem']);
    expect(xml).toContain('experimental — check in Mein ELSTER');
  });

  it('has the elements of each EAS in the reference order, the decommissioning ones only where decommissioned', () => {
    const systems = parseXml(xml).root.children[0]!.children;
    const inUse = EAS_ELEMENTS.filter((n) => n !== 'AusserbetriebnahmeAS' && n !== 'GrundAusserbetriebnahme');
    expect(systems[0]!.children.map((c) => c.name)).toEqual(inUse);
    expect(systems[1]!.children.map((c) => c.name)).toEqual([...EAS_ELEMENTS]);
    expect(systems[2]!.children.map((c) => c.name)).toEqual(inUse);
  });

  it('writes the values: dates TT.MM.JJJJ, the BSI id without its prefix, ArtTSE 3, text escaped', () => {
    const systems = parseXml(xml).root.children[0]!.children;
    const values = (i: number) => Object.fromEntries(systems[i]!.children.map((c) => [c.name, c.text]));
    expect(values(0)).toEqual({
      Art: '1',
      Software: 'ExamplePOS',
      SoftwareVersion: '4.2.0',
      SeriennummerAS: 'ERS 3f6c-01',
      Hersteller: 'Example GmbH',
      Modell: 'Terminal X',
      SeriennummerTSE: fullStoreRecord().tss.serialNumber,
      InbetriebnahmeTSE: '02.03.2026',
      BSIID: '0717-2025',
      ArtTSE: '3',
      AnschaffungAS: '20.02.2026',
      InbetriebnahmeAS: '02.03.2026',
    });
    expect(values(1)).toMatchObject({ AusserbetriebnahmeAS: '10.04.2026', GrundAusserbetriebnahme: 'Defekt (Wasserschaden)' });
    expect(values(2).Hersteller).toBe('Kasse & Co <KG>');
    expect(xml).toContain('<Hersteller>Kasse &amp; Co &lt;KG&gt;</Hersteller>');
  });

  it('escapes the XML specials and drops characters XML 1.0 forbids', () => {
    expect(escapeXml(`a<b>&"c'\u0001\u000b\uFFFE`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
    expect(escapeXml('Café\tSöhne 😀')).toBe('Café\tSöhne 😀');
  });
});
