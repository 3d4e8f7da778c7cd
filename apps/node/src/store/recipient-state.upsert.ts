import type { EntityManager } from 'typeorm';
import { plainQuery } from './plain-sql';
import { RECIPIENT_STATE_RANK, statusAfter, type RecipientEvent } from './recipient-state';

/** One addressee's event, for `upsertRecipientEvents`. */
export interface RecipientChange {
  code: string;
  event: RecipientEvent;
}

/** 7 parameters a row: 100 rows stay far below SQLite's 32,766 bound variables. */
const ROWS_PER_STATEMENT = 100;

const rank = (column: string): string =>
  `CASE ${column} ${Object.entries(RECIPIENT_STATE_RANK)
    .map(([state, value]) => `WHEN '${state}' THEN ${value}`)
    .join(' ')} END`;

/**
 * applyRecipientEvent (recipient-state.ts) as one statement for many addressees: a row is created
 * with the event's status, or moved forward when the event outranks its state (never backwards;
 * overdue never follows refused). No read before the write: 195 receipts or a broadcast's report
 * cost one statement per hundred addressees, whatever their rows held.
 */
const UPSERT_TAIL =
  ' ON CONFLICT ("messageId", "code") DO UPDATE SET "state" = excluded."state", "refusal" = excluded."refusal",' +
  ' "receiptedAt" = excluded."receiptedAt", "receiptId" = excluded."receiptId", "updatedAt" = excluded."updatedAt"' +
  ` WHERE ${rank('excluded."state"')} > ${rank('"recipient_state"."state"')}` +
  ` AND NOT (excluded."state" = 'overdue' AND "recipient_state"."state" = 'refused')`;

export async function upsertRecipientEvents(
  manager: EntityManager,
  messageId: string,
  changes: readonly RecipientChange[],
  now: string,
): Promise<void> {
  for (let start = 0; start < changes.length; start += ROWS_PER_STATEMENT) {
    const chunk = changes.slice(start, start + ROWS_PER_STATEMENT);
    const parameters = chunk.flatMap(({ code, event }) => {
      const status = statusAfter(event);
      const refusal = status.refusal === null ? null : JSON.stringify(status.refusal);
      return [messageId, code, status.state, refusal, status.receiptedAt, status.receiptId, now];
    });
    await plainQuery(
      manager,
      'INSERT INTO "recipient_state" ("messageId", "code", "state", "refusal", "receiptedAt", "receiptId", "updatedAt") VALUES ' +
        chunk.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ') +
        UPSERT_TAIL,
      parameters,
    );
  }
}
