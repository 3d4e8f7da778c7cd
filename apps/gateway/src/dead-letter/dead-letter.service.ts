import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  REGISTRY_EVENTS_SUBJECT,
  registryEventSchema,
  SUBMIT_SUBJECT_WILDCARD,
} from '@bureaunet/contracts';
import { DeadLetterDesk, DeadLetterStore, type DeadLetterEntity } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import { RegistryEventRecorder } from '../ledger/registry-event.recorder';
import { SubmissionService } from '../submission/submission.service';

const SUBMIT_PREFIX = SUBMIT_SUBJECT_WILDCARD.slice(0, -1);

/**
 * The gateway's poison messages (DeadLetterDesk): a submission or a registry event it failed to
 * handle `deadLetterAfter` times is parked, so the senders behind it are not held up, and an
 * administrator releases it (handled again, start to finish) or drops it.
 */
@Injectable()
export class GatewayDeadLetterService extends DeadLetterDesk {
  constructor(
    store: DeadLetterStore,
    submissions: SubmissionService,
    registryEvents: RegistryEventRecorder,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
    @Inject(CLOCK) clock: Clock,
  ) {
    super(store, {
      name: 'DeadLetters',
      limit: config.deadLetterLimit,
      now: () => clock.now(),
      rerun: (letter) => rerun(letter, submissions, registryEvents),
    });
  }
}

function rerun(
  letter: DeadLetterEntity,
  submissions: SubmissionService,
  registryEvents: RegistryEventRecorder,
): Promise<void> {
  if (letter.subject.startsWith(SUBMIT_PREFIX)) return submissions.handle(letter.raw, letter.subject);
  if (letter.subject === REGISTRY_EVENTS_SUBJECT) {
    const event = registryEventSchema.safeParse(parseJson(letter.raw));
    if (!event.success)
      throw new DomainError('malformed-registry-event', `dead letter ${letter.id} is no registry event`, 'invalid');
    return registryEvents.record(event.data);
  }
  throw new DomainError('dead-letter-unroutable', `no handler here for ${letter.subject}`, 'invalid');
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
