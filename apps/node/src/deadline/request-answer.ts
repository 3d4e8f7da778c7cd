import type { EnvelopeMeta, MessageKind } from '@bureaunet/contracts';
import { IsNull, type EntityManager } from 'typeorm';
import { TrackedRequestEntity } from './tracked-request.entity';

/** The kinds that answer a query or request when their meta.replyTo names it. */
const ANSWER_KINDS: readonly MessageKind[] = ['query-result', 'message'];

/**
 * Marks the request a message sent from here replies to as answered, in the transaction that
 * stores the reply: the first reply counts, and one that names no tracked request changes nothing.
 */
export async function recordRequestAnswer(
  manager: EntityManager,
  message: { id: string; kind: MessageKind; meta: EnvelopeMeta },
  at: string,
): Promise<void> {
  const replyTo = message.meta.replyTo;
  if (replyTo === undefined || !ANSWER_KINDS.includes(message.kind)) return;
  await manager.update(
    TrackedRequestEntity,
    { id: replyTo, answeredAt: IsNull() },
    { answeredAt: at, answerId: message.id },
  );
}
