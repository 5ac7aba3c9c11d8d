import { useTranslation } from 'react-i18next';
import { TextField } from './TextField';

interface TypedConfirmationProps {
  /** The store name that confirms (if known). */
  storeName: string | null;
  /** The keyword that confirms as well: LIVE or DISABLE. */
  keyword: string;
  value: string;
  onChange(value: string): void;
  /** What is being confirmed, in one sentence. */
  hint: string;
}

/** A field where the technician types the store's name (or the keyword) to confirm an irreversible step. */
export function TypedConfirmation({ storeName, keyword, value, onChange, hint }: TypedConfirmationProps) {
  const { t } = useTranslation();
  const label = storeName ? t('confirm.typeNameOrKeyword', { name: storeName, keyword }) : t('confirm.typeKeyword', { keyword });
  return <TextField label={label} hint={hint} value={value} onChange={onChange} autoComplete="off" spellCheck={false} />;
}
