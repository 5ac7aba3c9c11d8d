import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pukGroups } from './puk-groups';

/** How long a revealed PUK stays on screen before it is dropped by itself. */
export const PUK_VISIBLE_MS = 120_000;

/**
 * The revealed PUK, large and monospace, with a copy button. It is dropped (onHide) when the box is
 * closed and after PUK_VISIBLE_MS; the views around it drop it when they unmount.
 */
export function PukBox({ puk, storeName, onHide }: { puk: string; storeName: string; onHide(): void }) {
  const { t } = useTranslation('sign-de');
  const titleId = useId();
  const title = useRef<HTMLHeadingElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  // The form that asked for the passphrase is gone: focus moves here, so the PUK is announced.
  useEffect(() => title.current?.focus(), []);

  useEffect(() => {
    const timer = setTimeout(onHide, PUK_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [onHide]);

  const copyPuk = async () => {
    try {
      await navigator.clipboard.writeText(puk);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  return (
    <section className="puk" aria-labelledby={titleId}>
      <h3 id={titleId} ref={title} className="subsection__title puk__title" tabIndex={-1}>
        {t('recovery.pukTitle', { name: storeName })}
      </h3>
      {/* Grouped by spacing, not by characters: a selection or the copy button takes the PUK as one. */}
      <p className="puk__value" aria-label={t('recovery.pukValueLabel')}>
        <code>
          {pukGroups(puk).map((group, index) => (
            <span key={index} className="puk__group">
              {group}
            </span>
          ))}
        </code>
      </p>
      <p className="muted">{t('recovery.pukHint')}</p>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={() => void copyPuk()}>
          {t('recovery.copyPuk')}
        </button>
        <button type="button" className="button" onClick={onHide}>
          {t('recovery.hidePuk')}
        </button>
      </div>
      <p className="saved" role="status">
        {copy === 'copied' ? t('recovery.copied') : copy === 'failed' ? t('recovery.copyFailed') : ''}
      </p>
    </section>
  );
}
