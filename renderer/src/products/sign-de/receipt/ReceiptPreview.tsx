import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { berlinDate, berlinDateTime, berlinZoneName, germanAmount, germanPercent } from '../../../../../preload/contract/sign-de/german-format';
import type { ReceiptModel } from '../../../../../preload/contract/sign-de/receipt';
import type { PaperWidth } from './receipt-slice';
import { QrImage } from './QrImage';
import { receiptLabels as L } from './receipt-labels';

/**
 * The test receipt as it will be printed, one printer dot per CSS pixel (80 mm paper: 576 dots,
 * 58 mm: 384). Every field of the model is on it; a training receipt says so at the top and the bottom.
 */
export function ReceiptPreview({ model, width }: { model: ReceiptModel; width: PaperWidth }) {
  const { t } = useTranslation('sign-de');
  const captionId = useId();
  const { tse } = model;

  return (
    <figure className={`receipt receipt--${width}${model.training ? ' receipt--training' : ''}`} aria-labelledby={captionId}>
      <figcaption id={captionId} className="receipt__caption">
        {t('receipt.previewLabel', { width })}
        {model.training && <span className="tag tag--training">{t('receipt.trainingTag')}</span>}
      </figcaption>
      <div className="receipt__paper" lang="de">
        <header className="receipt__header">
          <p className="receipt__headline">{model.headline}</p>
          <p className="receipt__headline receipt__headline--en" lang="en">
            {model.headlineEnglish}
          </p>
          <p>{model.environmentLabel}</p>
          <p className="receipt__seller">{model.seller.name || L.nameMissing}</p>
          {model.seller.addressLines.length > 0 ? (
            model.seller.addressLines.map((line, index) => <p key={index}>{line}</p>)
          ) : (
            <p>{L.addressMissing}</p>
          )}
        </header>
        <hr className="receipt__rule" />
        <dl className="receipt__rows">
          <Row label={L.date} value={berlinDate(model.endTime)} />
          <Row label={L.timeZone} value={`${model.timeZone} (${berlinZoneName(model.endTime)})`} />
        </dl>
        <hr className="receipt__rule" />
        {model.items.map((item, index) => (
          <div key={index} className="receipt__item">
            <p>
              {item.quantity} x {item.description}
            </p>
            <dl className="receipt__rows">
              <Row label={`  ${item.quantity} x ${germanAmount(item.unitPrice)}`} value={`${germanAmount(item.total)} ${model.currency} ${item.vatRate.letter}`} />
            </dl>
          </div>
        ))}
        <hr className="receipt__rule" />
        <dl className="receipt__rows">
          <Row label={L.total} value={`${germanAmount(model.total)} ${model.currency}`} strong />
          {model.vat.map((vat) => {
            const rate = `${vat.rate.letter} ${germanPercent(vat.rate.percent)}`;
            return [
              <Row key={`${rate}-tax`} label={`${L.vat} ${rate}`} value={germanAmount(vat.tax)} />,
              <Row key={`${rate}-net`} label={`${L.net} ${rate}`} value={germanAmount(vat.net)} />,
              <Row key={`${rate}-gross`} label={`${L.gross} ${rate}`} value={germanAmount(vat.gross)} />,
            ];
          })}
          {model.payments.map((payment, index) => (
            <Row key={index} label={`${L.payment} ${payment.type}`} value={`${germanAmount(payment.amount)} ${payment.currency}`} />
          ))}
        </dl>
        <hr className="receipt__rule" />
        <dl className="receipt__rows receipt__rows--tse">
          <Row label={L.transaction} value={String(model.transactionNumber)} />
          <Row label={L.start} value={berlinDateTime(model.startTime)} />
          <Row label={L.stop} value={berlinDateTime(model.endTime)} />
          <Row label={L.tseSerial} value={tse.serialNumber} long />
          <Row label={L.signatureCounter} value={String(tse.signatureCounter)} />
          <Row label={L.signature} value={tse.signature} long />
          <Row label={L.timeFormat} value={tse.logTimeFormat} />
          <Row label={L.hashAlgorithm} value={tse.signatureAlgorithm} />
          <Row label={L.publicKey} value={tse.publicKey} long />
          <Row label={L.processType} value={tse.processType} />
          <Row label={L.processData} value={tse.processData} long />
          <Row label={L.clientSerial} value={tse.clientSerialNumber} />
          <Row label={L.tssId} value={tse.tssId} long />
          {tse.bsiCertificationId && <Row label={L.bsi} value={tse.bsiCertificationId} />}
          <Row label={L.signatureCheck} value={model.signatureCheck.valid ? L.valid : L.invalid} />
        </dl>
        <hr className="receipt__rule" />
        <div className="receipt__qr-box">
          <QrImage data={model.qrCodeData} />
        </div>
        {model.training && (
          <>
            <hr className="receipt__rule" />
            <p className="receipt__headline">{model.headline}</p>
          </>
        )}
      </div>
      {model.missingRequiredContent.length > 0 && (
        <div className="callout callout--warning" role="alert">
          <p>{t('receipt.missingContent')}</p>
          <ul>
            {model.missingRequiredContent.map((entry) => (
              <li key={entry}>{t(`receipt.missing.${entry}`)}</li>
            ))}
          </ul>
        </div>
      )}
    </figure>
  );
}

function Row({ label, value, long, strong }: { label: string; value: string; long?: boolean; strong?: boolean }) {
  return (
    <div className={`receipt__row${long ? ' receipt__row--long' : ''}${strong ? ' receipt__row--strong' : ''}`}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
