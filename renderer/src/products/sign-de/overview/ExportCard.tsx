import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportProgress } from '../../../../../preload/contract/sign-de/tss';
import type { SavedFile } from '../../../../../preload/contract/core/files';
import { exportTarName } from '../../../../../preload/contract/sign-de/file-names';
import { SaveFileButton } from '../../../ui/SaveFileButton';
import { SavedPath } from '../../../ui/SavedPath';
import { unixDateTime } from '../../../../../preload/contract/sign-de/german-format';
import { useApp } from '../../../state/store-context';
import { storeNameOf } from './overview-slice';

/** "12 s", "3 min 07 s", "1 h 05 min": the same units in German and English. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const min = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  if (h > 0) return `${h} h ${two(min)} min`;
  if (min > 0) return `${min} min ${two(s)} s`;
  return `${s} s`;
}

const RUNNING: readonly ExportProgress['phase'][] = ['triggering', 'waiting', 'downloading'];

/** The TAR export: start or resume it, how long it has taken, fiskaly's estimate, where it was saved. */
export function ExportCard() {
  const { t } = useTranslation('sign-de');
  const exportTss = useApp((state) => state.exportTss);
  const watchExports = useApp((state) => state.watchExports);
  const progress = useApp((state) => state.exportProgress);
  const busy = useApp((state) => state.busy.exportTss === true);
  const tssId = useApp((state) => state.overviewTssId ?? '');
  const storeName = useApp((state) => storeNameOf(state, state.overviewTssId));
  const [saved, setSaved] = useState<SavedFile | null>(null);
  const titleId = useId();
  useEffect(() => watchExports(), [watchExports]);

  const pending = progress?.phase === 'pending';
  const shownFile = saved ?? (progress?.phase === 'saved' ? progress.file : null);
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        {t('overview.exportTitle')}
      </h2>
      <p className="muted">{t('overview.exportHint')}</p>
      {progress && <ExportState progress={progress} running={busy || RUNNING.includes(progress.phase)} />}
      <div className="actions">
        <SaveFileButton
          label={pending ? t('overview.exportResume') : t('overview.exportButton')}
          busy={busy}
          operation="exportTss"
          destination={() => ({ mode: 'file', name: exportTarName(storeName, tssId, new Date()), filter: 'tar', ...(storeName ? { store: storeName } : {}) })}
          save={exportTss}
          onSaved={setSaved}
        />
      </div>
      <SavedPath file={shownFile} />
    </section>
  );
}

function ExportState({ progress, running }: { progress: ExportProgress; running: boolean }) {
  const { t, i18n } = useTranslation('sign-de');
  const at = (ms: number | null) => (ms === null ? null : unixDateTime(Math.floor(ms / 1000), i18n.language));
  if (running) {
    const estimate = at(progress.estimatedCompletionAt);
    return (
      <div className="callout" role="status">
        <p>
          {progress.phase === 'downloading'
            ? t('overview.exportDownloading')
            : t('overview.exportRunning', { elapsed: formatDuration(progress.elapsedMs) })}
        </p>
        <p className="muted">{estimate ? t('overview.exportEstimate', { time: estimate }) : t('overview.exportNoEstimate')}</p>
        <p className="muted">{t('overview.exportLeave')}</p>
      </div>
    );
  }
  if (progress.phase === 'pending') {
    return (
      <p className="callout callout--warning" role="status">
        {t('overview.exportPending', { time: at(progress.requestedAt) ?? '—' })}
      </p>
    );
  }
  if (progress.phase === 'failed') {
    return (
      <p className="muted" role="status">
        {t('overview.exportFailedBefore', { failure: progress.failure ?? '—' })}
      </p>
    );
  }
  return null;
}
