import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/http';
import { COMMON_STRINGS } from '../i18n/common.strings';
import { useStrings } from '../i18n/strings';
import type { PageProps } from '../shell/console-route';
import { checkPerson, type PersonCheckAnswer, type PersonCheckRequest } from './border.api';
import { BORDER_STRINGS } from './border.strings';
import { Countdown } from './countdown';
import './border.css';

type Field = 'familyName' | 'givenNames' | 'dateOfBirth' | 'nationality' | 'documentNumber' | 'place';
const FIELDS: readonly Field[] = ['familyName', 'givenNames', 'dateOfBirth', 'nationality', 'documentNumber', 'place'];
const MAX_LENGTH: Record<Field, number> = {
  familyName: 200,
  givenNames: 200,
  dateOfBirth: 10,
  nationality: 2,
  documentNumber: 64,
  place: 200,
};

/** Person check against the notices and diffusions this node holds: the answer ranks matches with their reasons. */
export function PersonCheckPage({ session }: PageProps) {
  const t = useStrings(BORDER_STRINGS);
  const common = useStrings(COMMON_STRINGS);
  const [values, setValues] = useState<Record<Field, string>>({
    familyName: '',
    givenNames: '',
    dateOfBirth: '',
    nationality: '',
    documentNumber: '',
    place: '',
  });
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<PersonCheckAnswer>();
  const [failure, setFailure] = useState<string>();
  const post = session.person.borderPost;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const request: Record<string, string> = {};
    for (const field of FIELDS) if (values[field].trim()) request[field] = values[field].trim();
    if (request.nationality) request.nationality = request.nationality.toUpperCase();
    setBusy(true);
    setFailure(undefined);
    setAnswer(undefined);
    checkPerson(request as unknown as PersonCheckRequest)
      .then(setAnswer, (error: unknown) => setFailure(error instanceof ApiError ? error.reason : String(error)))
      .finally(() => setBusy(false));
  };

  return (
    <div className="border-page">
      <h1>{t('personCheck')}</h1>
      <form className="stacked" onSubmit={submit} aria-label={t('personCheck')}>
        {FIELDS.map((field) => (
          <label key={field}>
            {field === 'documentNumber' ? t('documentNumber') : t(field)}
            <input
              name={field}
              value={values[field]}
              onChange={(e) => setValues({ ...values, [field]: e.target.value })}
              maxLength={MAX_LENGTH[field]}
              autoComplete="off"
              required={field === 'familyName'}
              {...(field === 'dateOfBirth' && { pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?', inputMode: 'numeric' as const })}
            />
            {field === 'place' && post && <small>{t('placeHint', { post })}</small>}
          </label>
        ))}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('checking') : t('check')}
        </button>
      </form>
      {failure && (
        <p role="alert" className="error">
          {common('error', { reason: failure })}
        </p>
      )}
      {answer && (
        <section className={`check-answer outcome-${answer.outcome}`} aria-live="polite" aria-label={t('answer')}>
          <p className="outcome" data-outcome={answer.outcome}>
            {answer.outcome === 'hit' ? t('hit') : t('noHit')}
          </p>
          {answer.matches.length > 0 && (
            <ol className="matches" aria-label={t('matches')}>
              {answer.matches.map((match) => (
                <li key={`${match.source}:${match.reference}`}>
                  <strong>
                    {match.subject.familyName}, {match.subject.givenNames}
                  </strong>{' '}
                  {match.subject.dateOfBirth ?? ''} · {match.reference} ({match.noticeType ?? match.source}) ·{' '}
                  {t('owner')} {match.owner} · {t('score')} {match.score}
                  <br />
                  <small>
                    {t('reasons')}: {match.reasons.join(', ')}
                  </small>
                  {match.answerBy && (
                    <>
                      {' '}
                      · <Countdown deadline={match.answerBy} />
                    </>
                  )}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </div>
  );
}
