import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { qrSymbol } from './qr';

/** The receipt's DSFinV-K QR code at print scale (4 dots per module, quiet zone 4), with a name. */
export function QrImage({ data }: { data: string }) {
  const { t } = useTranslation('sign-de');
  const symbol = useMemo(() => {
    try {
      return qrSymbol(data);
    } catch {
      return null;
    }
  }, [data]);

  if (!symbol) {
    return (
      <p className="receipt__qr-missing" role="alert">
        {t('receipt.qrFailed')}
      </p>
    );
  }
  return (
    <img
      className="receipt__qr"
      src={symbol.src}
      width={symbol.sizeDots}
      height={symbol.sizeDots}
      alt={t('receipt.qrAlt', { size: symbol.sizeMm })}
      data-modules={symbol.modules}
    />
  );
}
