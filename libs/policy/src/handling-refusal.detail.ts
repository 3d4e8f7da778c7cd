import { HANDLING_CODES, handlingLevel } from '@bureaunet/contracts';
import type { EnvelopeFacts } from './delivery-context';
import { NO_HANDLING } from './handling-lineage';

/**
 * The codes behind a handling-restricted refusal, for the sender's report: what the envelope
 * declares, what it passes on, and the owner's H3 limits.
 */
export function handlingRefusalDetail(envelope: EnvelopeFacts): string {
  const inherited = envelope.lineage?.handling ?? NO_HANDLING;
  const declared = HANDLING_CODES[handlingLevel(envelope.meta.handling?.code)];
  const parts = [`this envelope is ${declared}, it passes on ${HANDLING_CODES[inherited.level]} content`];
  if (inherited.owner) parts.push(`owner ${inherited.owner}`);
  if (inherited.level === 3 && inherited.allowTo) parts.push(`allow-list ${inherited.allowTo.join(', ') || 'empty'}`);
  if (inherited.level === 3 && inherited.expiresAt) parts.push(`expires ${inherited.expiresAt}`);
  return parts.join('; ');
}
