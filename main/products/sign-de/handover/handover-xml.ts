import type { Elster146aHandover, HandoverEas } from '../../../../preload/contract/sign-de/handover';

/**
 * The systems-only ELSTER XML (elster-146a-notification.md §3), after the one open-source exporter known:
 * EXPERIMENTAL — no public XSD exists; check it in Mein ELSTER after the upload, and enter taxpayer and site
 * there. VERIFY: element names, the nested Aufzeichnung146a, acceptance. Double quotes in the declaration
 * (ELSTER rejected single ones).
 */
export const ELSTER_146A_NAMESPACE = 'http://finkonsens.de/elster/elsternachricht/aufzeichnung146a/v1';

/** The per-EAS elements in the exporter's order; the last two only for a decommissioned EAS. */
export const EAS_ELEMENTS = [
  'Art',
  'Software',
  'SoftwareVersion',
  'SeriennummerAS',
  'Hersteller',
  'Modell',
  'SeriennummerTSE',
  'InbetriebnahmeTSE',
  'BSIID',
  'ArtTSE',
  'AnschaffungAS',
  'InbetriebnahmeAS',
  'AusserbetriebnahmeAS',
  'GrundAusserbetriebnahme',
] as const;

export function handoverXml(handover: Elster146aHandover): string {
  const systems = handover.eas.map(easXml).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- experimental — check in Mein ELSTER (experimentell – in Mein ELSTER prüfen): systems only; taxpayer and Betriebsstätte are entered in the form -->
<Aufzeichnung146a xmlns="${ELSTER_146A_NAMESPACE}" version="1">
  <Aufzeichnung146a>
${systems}  </Aufzeichnung146a>
</Aufzeichnung146a>
`;
}

function easXml(eas: HandoverEas): string {
  const values: Record<(typeof EAS_ELEMENTS)[number], string | null> = {
    Art: eas.art,
    Software: eas.software,
    SoftwareVersion: eas.software_version,
    SeriennummerAS: eas.serial_number,
    Hersteller: eas.manufacturer,
    Modell: eas.model,
    SeriennummerTSE: eas.tse.serial_number,
    InbetriebnahmeTSE: eas.tse.activation_date,
    BSIID: formBsiId(eas.tse.bsi_certification_id),
    ArtTSE: eas.tse.art,
    AnschaffungAS: eas.acquisition_date,
    InbetriebnahmeAS: eas.commissioning_date,
    AusserbetriebnahmeAS: eas.decommissioning_date,
    GrundAusserbetriebnahme: eas.decommissioning_reason,
  };
  const decommissioned = eas.decommissioning_date !== null;
  const lines = EAS_ELEMENTS.filter((name) => decommissioned || (name !== 'AusserbetriebnahmeAS' && name !== 'GrundAusserbetriebnahme')).map(
    (name) => `      <${name}>${escapeXml(values[name] ?? '')}</${name}>\n`,
  );
  return `    <AngabenAufzeichnungssystem>\n${lines.join('')}    </AngabenAufzeichnungssystem>\n`;
}

/** The form has the fixed prefix "BSI-K-TR-" and takes "0717-2025" after it. */
export function formBsiId(id: string | null): string | null {
  return id === null ? null : id.replace(/^BSI-K-TR-/i, '');
}

/** Text content: the five XML specials, and no character XML 1.0 forbids (control characters dropped). */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
