/** The § 146a(4) AO handover of a store: one handover object, as PDF, JSON (elster146a-handover/2) and XML. */
export { berlinOffsetTime, buildHandover, germanDate } from './build-handover';
export { type HandoverDocumentSet, HandoverDocuments, type StoreRecordSource } from './handover-files';
export { EAS_KIND_LABELS, type HandoverPageNotes, renderHandoverHtml } from './handover-html';
export { EAS_ELEMENTS, ELSTER_146A_NAMESPACE, escapeXml, formBsiId, handoverXml } from './handover-xml';
