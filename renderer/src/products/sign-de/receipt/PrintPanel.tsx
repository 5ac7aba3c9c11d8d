import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedFile } from '../../../../../preload/contract/core/files';
import { receiptPdfName } from '../../../../../preload/contract/sign-de/file-names';
import { isPort, printerChoice } from './printer-prefs';
import type { PaperWidth } from './receipt-slice';
import { ActionError } from '../../../ui/ActionError';
import { useApp } from '../../../state/store-context';
import { SaveFileButton } from '../../../ui/SaveFileButton';
import { SavedPath } from '../../../ui/SavedPath';
import { SelectField } from '../../../ui/SelectField';
import { TextField } from '../../../ui/TextField';

/** Prints the test receipt: on a system printer, as a PDF, or raw ESC/POS to a network printer. */
export function PrintPanel({ width }: { width: PaperWidth }) {
  const { t } = useTranslation('sign-de');
  const titleId = useId();
  return (
    <section className="print" aria-labelledby={titleId}>
      <h3 id={titleId} className="subsection__title">
        {t('print.title')}
      </h3>
      <p className="muted">{t('print.widthNote', { width })}</p>
      <SystemPrinter width={width} />
      <PdfExport width={width} />
      <NetworkPrinterForm width={width} />
    </section>
  );
}

/** The remembered printer choices, from main's settings. */
function usePrinterChoice() {
  const settings = useApp((state) => state.settings);
  return useMemo(() => printerChoice(settings), [settings]);
}

function SystemPrinter({ width }: { width: PaperWidth }) {
  const { t } = useTranslation('sign-de');
  const remembered = usePrinterChoice();
  const rememberPrinter = useApp((state) => state.rememberPrinter);
  const printers = useApp((state) => state.printers);
  const loadPrinters = useApp((state) => state.loadPrinters);
  const printReceipt = useApp((state) => state.printReceipt);
  const loading = useApp((state) => state.busy.loadPrinters === true);
  const printing = useApp((state) => state.busy.printReceipt === true);
  const [picked, setPicked] = useState<string | null>(null);
  const chosen = picked ?? remembered.name;
  const [sent, setSent] = useState(false);
  /** Set once "Drucker suchen" was clicked: from then on the status says what the search found. */
  const [searched, setSearched] = useState(false);

  useEffect(() => {
    if (printers === null) void loadPrinters();
  }, [printers, loadPrinters]);

  const names = printers?.map((printer) => printer.name) ?? [];
  const fallback = printers?.find((printer) => printer.isDefault)?.name ?? names[0] ?? '';
  const printer = chosen && names.includes(chosen) ? chosen : fallback;

  const print = async () => {
    if (!printer || printing) return;
    setSent(false);
    setSent(await printReceipt(printer, width));
  };

  return (
    <div className="print__block">
      {printers !== null && printers.length === 0 ? (
        <p className="muted">{t('print.noPrinters')}</p>
      ) : (
        <SelectField
          label={t('print.printerLabel')}
          value={printer}
          disabled={printers === null}
          onChange={(name) => {
            setPicked(name);
            void rememberPrinter({ name });
          }}
          options={(printers ?? []).map((entry) => ({
            value: entry.name,
            label: entry.isDefault ? t('print.defaultPrinter', { name: entry.name }) : entry.name,
          }))}
        />
      )}
      <div className="actions">
        <button type="button" className="button button--primary" aria-disabled={!printer || printing || undefined} onClick={() => void print()}>
          {printing ? t('common.working') : t('print.printButton')}
        </button>
        <button
          type="button"
          className="button"
          aria-disabled={loading || undefined}
          onClick={() => {
            if (loading) return;
            setSearched(true);
            void loadPrinters();
          }}
        >
          {t('print.findPrinters')}
        </button>
      </div>
      <ActionError operations={['printReceipt', 'loadPrinters']} />
      <p className="saved" role="status">
        {searchStatus(t, loading, searched, printers) ?? (sent && t('print.sent', { name: printer }))}
      </p>
    </div>
  );
}

/** What the printer search says: that it is searching, then how many printers it found (after a click). */
export function searchStatus(t: (key: 'print.searching' | 'print.found', options?: { count: number }) => string, loading: boolean, searched: boolean, printers: readonly unknown[] | null): string | null {
  if (loading) return t('print.searching');
  if (searched && printers !== null) return t('print.found', { count: printers.length });
  return null;
}

function PdfExport({ width }: { width: PaperWidth }) {
  const { t } = useTranslation('sign-de');
  const printPdf = useApp((state) => state.printPdf);
  const busy = useApp((state) => state.busy.printPdf === true);
  const storeName = useApp((state) => state.runs?.find((run) => run.runId === state.receiptRunId)?.storeName ?? state.run.storeName);
  const [saved, setSaved] = useState<SavedFile | null>(null);
  return (
    <div className="print__block">
      <div className="actions">
        <SaveFileButton
          label={t('print.pdfButton')}
          busy={busy}
          operation="printPdf"
          destination={() => ({ mode: 'file', name: receiptPdfName(storeName, width, new Date()), filter: 'pdf', store: storeName })}
          save={(destination) => printPdf(width, destination)}
          onSaved={setSaved}
        />
      </div>
      <ActionError operations={['printPdf']} />
      <SavedPath file={saved} />
    </div>
  );
}

function NetworkPrinterForm({ width }: { width: PaperWidth }) {
  const { t } = useTranslation('sign-de');
  const printEscpos = useApp((state) => state.printEscpos);
  const busy = useApp((state) => state.busy.printEscpos === true);
  const remembered = usePrinterChoice();
  const rememberPrinter = useApp((state) => state.rememberPrinter);
  const [typedHost, setHost] = useState<string | null>(null);
  const [typedPort, setPort] = useState<string | null>(null);
  const [chosenQr, setNativeQr] = useState<boolean | null>(null);
  // Until the technician types, the fields show what this laptop remembered (settings may arrive after the panel).
  const host = typedHost ?? remembered.host;
  const port = typedPort ?? String(remembered.port);
  const nativeQr = chosenQr ?? remembered.nativeQr;
  const [tried, setTried] = useState(false);
  const [bytes, setBytes] = useState<number | null>(null);
  const legendId = useId();
  const checkboxId = useId();
  const portNumber = Number(port.trim());
  const hostProblem = host.trim() === '' ? t('print.hostMissing') : null;
  const portProblem = /^\d+$/.test(port.trim()) && isPort(portNumber) ? null : t('print.portInvalid');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setBytes(null);
    if (hostProblem || portProblem || busy) return;
    const target = { host: host.trim(), port: portNumber, width, nativeQr };
    void rememberPrinter({ host: target.host, port: target.port, nativeQr });
    setBytes(await printEscpos(target));
  };

  return (
    <form className="print__block form" onSubmit={(event) => void submit(event)} noValidate>
      <fieldset className="plain-fieldset" aria-labelledby={legendId}>
        <legend id={legendId} className="subsection__legend">
          {t('print.networkTitle')}
        </legend>
        <div className="field-row">
          <TextField label={t('print.hostLabel')} hint={t('print.hostHint')} value={host} onChange={setHost} error={hostProblem} showError={tried} spellCheck={false} />
          <TextField label={t('print.portLabel')} value={port} onChange={setPort} inputMode="numeric" error={portProblem} showError={tried} maxLength={5} />
        </div>
        <div className="checkbox">
          <input id={checkboxId} type="checkbox" checked={nativeQr} onChange={(event) => setNativeQr(event.target.checked)} />
          <label htmlFor={checkboxId}>{t('print.nativeQr')}</label>
        </div>
        <p className="muted">{t('print.nativeQrHint')}</p>
      </fieldset>
      <div className="actions">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? t('common.working') : t('print.networkButton')}
        </button>
      </div>
      <ActionError operations={['printEscpos']} />
      <p className="saved" role="status">
        {bytes !== null && t('print.networkSent', { bytes })}
      </p>
    </form>
  );
}
