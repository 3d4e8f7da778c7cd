import type { ReceivedMessageView, RecipientView, SentMessageView } from '@bureaunet/api-clients';
import { formatFields, formatTable, isoSeconds, terminalSafe, type Column } from './table.format';

/** What a plain message carries (`bureaunet message send`, the officer console's compose). */
export interface PlainMessageBody {
  subject: string;
  text: string;
}

/** A received message with the read state the node may add (`read`, `readAt` or `unread`). */
type InboxItem = ReceivedMessageView & { read?: boolean; readAt?: string | null; unread?: boolean };
/** A message as GET /api/messages/{id} answers: sent (with the body when the node gives it) or received. */
export type ShownMessage = (SentMessageView & { body?: unknown }) | InboxItem;

/** A line that says what a message is about: its subject or title, else its workflow, else its text. */
export function summaryOf(body: unknown): string {
  if (typeof body === 'string') return body;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body == null ? '' : JSON.stringify(body);
  const fields = body as Record<string, unknown>;
  for (const name of ['subject', 'title', 'workflow', 'text', 'details', 'number']) {
    const value = fields[name];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return JSON.stringify(body);
}

/** "yes", "no", or "" when the node does not say. */
export function readStateOf(item: InboxItem): string {
  if (typeof item.read === 'boolean') return item.read ? 'yes' : 'no';
  if (typeof item.unread === 'boolean') return item.unread ? 'no' : 'yes';
  if (item.readAt !== undefined) return item.readAt ? 'yes' : 'no';
  return '';
}

const INBOX_COLUMNS: readonly Column<InboxItem>[] = [
  { header: 'TIME', value: (item) => isoSeconds(item.receivedAt) },
  { header: 'FROM', value: (item) => item.from },
  { header: 'KIND', value: (item) => item.kind },
  { header: 'SUBJECT', value: (item) => summaryOf(item.body) },
  { header: 'READ', value: readStateOf },
  { header: 'ID', value: (item) => item.id },
];

export function inboxTable(items: readonly InboxItem[]): string {
  return items.length === 0 ? 'the inbox is empty\n' : formatTable(items, INBOX_COLUMNS);
}

const RECIPIENT_COLUMNS: readonly Column<RecipientView>[] = [
  { header: 'TO', value: (recipient) => recipient.code },
  { header: 'STATE', value: (recipient) => recipient.state },
  { header: 'RECEIPTED', value: (recipient) => isoSeconds(recipient.receiptedAt) },
  {
    header: 'REFUSAL',
    value: ({ refusal }) =>
      refusal ? [refusal.code, refusal.rule && `rule ${refusal.rule}`, refusal.message].filter(Boolean).join(': ') : '',
  },
];

/** A message for people: its header fields, each recipient's state (sent), then its content. */
export function messageText(message: ShownMessage): string {
  const fields: Array<readonly [string, string]> = [
    ['id', message.id],
    ['kind', message.kind],
  ];
  if (message.direction === 'received') {
    fields.push(['from', `${message.from} (signature verified)`], ['created', isoSeconds(message.createdAt)]);
    fields.push(['received', isoSeconds(message.receivedAt)]);
    const read = readStateOf(message);
    if (read) fields.push(['read', read]);
  } else {
    const to = Array.isArray(message.to) ? message.to.join(', ') : message.to;
    fields.push(['to', to], ['created', isoSeconds(message.createdAt)], ['status', message.status]);
    if (message.refusal) fields.push(['refused', `${message.refusal.code}: ${message.refusal.message}`]);
  }
  const parts = [formatFields(fields)];
  if (message.direction === 'sent' && message.recipients.length > 0)
    parts.push(formatTable(message.recipients, RECIPIENT_COLUMNS));
  const content = contentText(message.body);
  if (content) parts.push(content);
  return parts.join('\n');
}

/** A plain message as subject and text; any other body as indented JSON. Control characters removed. */
export function contentText(body: unknown): string {
  if (body === undefined || body === null) return '';
  const plain = body as Partial<PlainMessageBody>;
  const text =
    typeof plain.subject === 'string' && typeof plain.text === 'string'
      ? `subject: ${plain.subject}\n\n${plain.text}`
      : typeof body === 'string'
        ? body
        : JSON.stringify(body, null, 2);
  return (
    text
      .split('\n')
      .map((line) => terminalSafe(line, 10_000))
      .join('\n') + '\n'
  );
}
