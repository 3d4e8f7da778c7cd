import type { Draft } from './compose.fields';
import { handlingOf } from './handling.fields';
import { parseRecipients } from './message-text';
import { requestNotice, sendDiffusion, sendMessage, type ReceivedMessage } from './officer.api';

/** The hub's code: notice requests go there. */
export const HUB = 'XH';

export interface Outgoing {
  /** What the access rules read: kind, recipients and meta (never the body). */
  preview: { kind: string; recipients: string[] | 'all'; meta: Record<string, unknown> };
  send(): Promise<{ id: string }>;
}

/**
 * The request a draft becomes. A reply names the message it answers (meta.replyTo) and a forward
 * the one it passes on (meta.forwardOf): the gateway then applies the original data owner's
 * restrictions to it as well. The forward quotes the original's content in its body and keeps its
 * handling code (the form starts with the original's; the node refuses a lower one).
 */
export function outgoing(draft: Draft, context: { mode?: 'reply' | 'forward'; original?: ReceivedMessage }): Outgoing {
  const priority = draft.priority || undefined;
  const { mode, original } = context;
  if (draft.kind === 'notice-request') {
    return {
      preview: { kind: 'notice-request', recipients: [HUB], meta: { noticeType: draft.noticeType } },
      send: () =>
        requestNotice({
          type: draft.noticeType,
          familyName: draft.familyName,
          givenNames: draft.givenNames || undefined,
          offence: draft.offence,
          expiry: draft.expiry,
        }),
    };
  }
  const recipients = parseRecipients(draft.recipients);
  if (draft.kind === 'diffusion') {
    return {
      // Previewed as the diffusion route sends it: with the hub, whose review the rules require.
      preview: {
        kind: 'diffusion',
        recipients: recipients === 'all' || recipients.includes(HUB) ? recipients : [...recipients, HUB],
        meta: priority ? { priority } : {},
      },
      send: () => sendDiffusion({ title: draft.title, details: draft.details, to: recipients, priority }),
    };
  }
  const handling = handlingOf(draft.handling);
  const meta: Record<string, unknown> = {
    ...(priority ? { priority } : {}),
    ...(handling ? { handling } : {}),
    ...(mode === 'reply' && original ? { replyTo: original.id } : {}),
    ...(mode === 'forward' && original ? { forwardOf: original.id } : {}),
  };
  const forwarded =
    mode === 'forward' && original
      ? { forwarded: { id: original.id, from: original.from, kind: original.kind, body: original.body } }
      : {};
  return {
    preview: { kind: 'message', recipients, meta },
    send: () =>
      sendMessage({
        kind: 'message',
        to: recipients,
        meta,
        body: { subject: draft.subject, text: draft.text, ...forwarded },
      }),
  };
}
