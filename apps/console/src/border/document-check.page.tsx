import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/http';
import { COMMON_STRINGS } from '../i18n/common.strings';
import { useStrings } from '../i18n/strings';
import type { PageProps } from '../shell/console-route';
import { checkDocument, type DocumentCheckAnswer, type DocumentCheckRequest } from './border.api';
import { BORDER_STRINGS } from './border.strings';
import { DocumentCheckAnswerPanel } from './check-answer';
import './border.css';

/** The lines of a pasted or scanned MRZ: blank lines and surrounding spaces dropped. */
export function mrzLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().toUpperCase())
    .filter((line) => line.length > 0);
}

/** Document check: a typed number and issuer, or an MRZ pasted or scanned; one column, big targets. */
export function DocumentCheckPage({ session }: PageProps) {
  const t = useStrings(BORDER_STRINGS);
  const common = useStrings(COMMON_STRINGS);
  const [mode, setMode] = useState<'typed' | 'mrz'>('typed');
  const [documentNumber, setDocumentNumber] = useState('');
  const [issuingCountry, setIssuingCountry] = useState('');
  const [mrz, setMrz] = useState('');
  const [place, setPlace] = useState('');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<DocumentCheckAnswer>();
  const [failure, setFailure] = useState<string>();
  const post = session.person.borderPost;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const at = place.trim() ? { place: place.trim() } : {};
    const request: DocumentCheckRequest =
      mode === 'typed'
        ? { documentNumber: documentNumber.trim(), issuingCountry: issuingCountry.trim().toUpperCase(), ...at }
        : { mrz: mrzLines(mrz), ...at };
    setBusy(true);
    setFailure(undefined);
    setAnswer(undefined);
    checkDocument(request)
      .then(setAnswer, (error: unknown) => setFailure(error instanceof ApiError ? error.reason : String(error)))
      .finally(() => setBusy(false));
  };

  return (
    <div className="border-page">
      <h1>{t('documentCheck')}</h1>
      <form className="stacked" onSubmit={submit} aria-label={t('documentCheck')}>
        <fieldset className="choice">
          <legend>{t('entry')}</legend>
          {(['typed', 'mrz'] as const).map((option) => (
            <label key={option} className="choice-option">
              <input
                type="radio"
                name="entry"
                value={option}
                checked={mode === option}
                onChange={() => setMode(option)}
              />
              {t(option)}
            </label>
          ))}
        </fieldset>
        {mode === 'typed' ? (
          <>
            <label>
              {t('documentNumber')}
              <input
                name="documentNumber"
                value={documentNumber}
                onChange={(e) => setDocumentNumber(e.target.value)}
                autoComplete="off"
                maxLength={64}
                required
              />
            </label>
            <label>
              {t('issuingCountry')}
              <input
                name="issuingCountry"
                value={issuingCountry}
                onChange={(e) => setIssuingCountry(e.target.value)}
                autoComplete="off"
                pattern="[A-Za-z]{2}"
                maxLength={2}
                required
              />
            </label>
          </>
        ) : (
          <label>
            {t('mrzLines')}
            <textarea
              name="mrz"
              className="mrz"
              rows={3}
              value={mrz}
              onChange={(e) => setMrz(e.target.value)}
              spellCheck={false}
              autoComplete="off"
              maxLength={140}
              dir="ltr"
              required
            />
            <small>{t('mrzHint')}</small>
          </label>
        )}
        <label>
          {t('place')}
          <input name="place" value={place} onChange={(e) => setPlace(e.target.value)} maxLength={200} />
          {post && <small>{t('placeHint', { post })}</small>}
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('checking') : t('check')}
        </button>
      </form>
      {failure && (
        <p role="alert" className="error">
          {common('error', { reason: failure })}
        </p>
      )}
      {answer && <DocumentCheckAnswerPanel answer={answer} />}
    </div>
  );
}
