import { useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../api/http';
import { COMMON_STRINGS } from '../i18n/common.strings';
import { useStrings } from '../i18n/strings';
import type { PageProps } from '../shell/console-route';
import { navigate } from '../shell/hash-path';
import { ComposeFields, EMPTY_DRAFT, type Draft } from './compose.fields';
import { HUB, outgoing } from './compose.outgoing';
import { handlingDraftOf } from './handling.fields';
import { message, previewRules, type ReceivedMessage, type RecipientPreview } from './officer.api';
import { OFFICER_STRINGS } from './officer.strings';
import { RulesPreview } from './rules-preview';

/**
 * Compose a plain message, a notice request or a diffusion, or reply to / forward a received
 * message. The access rules' answer per recipient is asked of the gateway and shown before the
 * Send button is offered; after sending, the message page shows each recipient's state live.
 */
export function ComposePage(props: PageProps) {
  const t = useStrings(OFFICER_STRINGS);
  const common = useStrings(COMMON_STRINGS);
  const mode = props.params.mode as 'reply' | 'forward' | undefined;
  const originalId = props.params.id;
  const [original, setOriginal] = useState<ReceivedMessage>();
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [preview, setPreview] = useState<{ key: string; recipients: RecipientPreview[] }>();
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const fail = (error: unknown) =>
    setFailure(error instanceof ApiError ? `${error.code}: ${error.reason}` : String(error));

  useEffect(() => {
    if (!originalId) return;
    message(originalId).then((found) => {
      if (found.direction !== 'received') return;
      setOriginal(found);
      setDraft((current) => ({
        ...current,
        kind: 'message',
        recipients: mode === 'reply' ? found.from : '',
        subject: `${mode === 'reply' ? 'Re' : 'Fwd'}: ${subjectOf(found.body)}`,
        ...(found.handling.code !== 'H0' ? { handling: handlingDraftOf(found.handling) } : {}),
      }));
    }, fail);
  }, [originalId, mode]);

  const request = outgoing(draft, { mode, original });
  // The preview answers for these recipients, kind and meta only: any change asks for a new one.
  const key = JSON.stringify(request.preview);
  const current = preview?.key === key ? preview : undefined;

  const check = () => {
    setFailure(undefined);
    previewRules(request.preview).then((answer) => setPreview({ key, recipients: answer.recipients }), fail);
  };
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (!current) return;
    setBusy(true);
    request.send().then(
      (sent) => navigate(`/messages/${sent.id}`),
      (error: unknown) => {
        setBusy(false);
        fail(error);
      },
    );
  };

  return (
    <section className="officer compose">
      <h1>{t('composeTitle')}</h1>
      {mode && originalId && <p>{t(mode === 'reply' ? 'replyTo' : 'forwardOf', { id: originalId })}</p>}
      <form className="stacked" onSubmit={send} aria-label={t('composeTitle')}>
        <ComposeFields
          draft={draft}
          onChange={setDraft}
          fixedKind={mode !== undefined}
          hub={HUB}
          kept={original && original.handling.code !== 'H0' ? original.handling.code : undefined}
        />
        <div className="actions">
          <button type="button" onClick={check}>
            {t('checkRules')}
          </button>
          {current ? (
            <button type="submit" disabled={busy} className="primary">
              {t('send')}
            </button>
          ) : (
            <span className="hint">{t('previewFirst')}</span>
          )}
        </div>
      </form>
      {current && <RulesPreview recipients={current.recipients} />}
      {failure && (
        <p role="alert" className="error">
          {common('error', { reason: failure })}
        </p>
      )}
    </section>
  );
}

function subjectOf(body: unknown): string {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const subject = record.subject ?? record.title;
  return typeof subject === 'string' ? subject : '';
}
