import type { SelectQueryBuilder } from 'typeorm';
import { isPostgres } from './plain-sql';
import type { EnvelopeMeta, MessageKind } from '@bureaunet/contracts';
import { MessageReadEntity } from './message-read.entity';
import type { ReceivedMessageEntity } from './received-message.entity';

/** What an inbox page can be narrowed to; every field optional, all of them together (AND). */
export interface InboxFilter {
  kind?: MessageKind;
  /** The sender's bureau code. */
  from?: string;
  /** receivedAt ≥ since (ISO instant). */
  since?: string;
  /** receivedAt < until (ISO instant). */
  until?: string;
  /** meta.priority, which the sender sets and the gateway routes by. */
  priority?: NonNullable<EnvelopeMeta['priority']>;
  /** A piece of the decrypted body, as stored (any JSON): case-insensitive for ASCII letters. */
  text?: string;
  /** Only what this person has not opened yet. */
  unreadBy?: string;
}

/**
 * Adds the filter to a query over received_message (alias `message`). Priority and text match the
 * JSON text the columns hold (simple-json, JSON.stringify without spaces), which PostgreSQL and
 * SQLite both read with LIKE: no engine-specific JSON functions.
 */
export function applyInboxFilter(query: SelectQueryBuilder<ReceivedMessageEntity>, filter: InboxFilter): void {
  if (filter.kind) query.andWhere('message.kind = :kind', { kind: filter.kind });
  if (filter.from) query.andWhere('message.from = :from', { from: filter.from });
  if (filter.since) query.andWhere('message.receivedAt >= :since', { since: filter.since });
  if (filter.until) query.andWhere('message.receivedAt < :until', { until: filter.until });
  // A string value holding these characters is stored with escaped quotes, so only the key itself matches.
  if (filter.priority)
    query.andWhere("message.meta LIKE :priority ESCAPE '\\'", {
      priority: `%${likeLiteral(`"priority":"${filter.priority}"`)}%`,
    });
  // SQLite's LIKE ignores the case of ASCII letters; PostgreSQL's is exact, its ILIKE ignores case.
  const like = isPostgres(query.connection.manager) ? 'ILIKE' : 'LIKE';
  if (filter.text)
    query.andWhere(`message.body ${like} :text ESCAPE '\\'`, { text: `%${likeLiteral(jsonStringText(filter.text))}%` });
  if (filter.unreadBy) {
    const opened = query
      .subQuery()
      .select('1')
      .from(MessageReadEntity, 'opened')
      .where('opened.messageId = message.id')
      .andWhere('opened.personId = :unreadBy')
      .getQuery();
    query.andWhere(`NOT EXISTS ${opened}`, { unreadBy: filter.unreadBy });
  }
}

/** The text as it appears inside a stored JSON string (quotes, backslashes, control characters escaped). */
export function jsonStringText(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

/** LIKE's own wildcards taken literally. */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
