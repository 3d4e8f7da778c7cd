import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { REGISTRY_EVENTS_SUBJECT, registryEventSchema, schemaIssues } from '@bureaunet/contracts';
import type { JetStreamContext } from '@bureaunet/transport';
import { RegistryEventRecorder } from './registry-event.recorder';

/** Registry changes from the registry's outbox stream into the ledger. */
@Controller()
export class RegistryEventHandler {
  private readonly logger = new Logger(RegistryEventHandler.name);

  constructor(private readonly recorder: RegistryEventRecorder) {}

  @EventPattern(REGISTRY_EVENTS_SUBJECT)
  async handle(@Payload() raw: Buffer, @Ctx() context: JetStreamContext): Promise<void> {
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      body = undefined;
    }
    const parsed = registryEventSchema.safeParse(body);
    if (!parsed.success) {
      // Redelivering a malformed event would never make it well-formed: acked, and said loudly.
      this.logger.error(
        `malformed registry event (stream seq ${context.streamSequence}, msgId ${context.msgId ?? 'none'}) dropped: ${schemaIssues(parsed.error)}`,
      );
      return;
    }
    await this.recorder.record(parsed.data);
  }
}
