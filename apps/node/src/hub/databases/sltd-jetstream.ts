import { Inject, Injectable } from '@nestjs/common';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { NATS_CONNECTION } from '@bureaunet/transport';

/**
 * The databases service's JetStream API on the node's shared connection. The hub node's broker user
 * may manage BN_SLTD and its consumers, nothing else of JetStream, not even `$JS.API.INFO`: the
 * manager is made without that check.
 */
@Injectable()
export class SltdJetStream {
  private jsm: Promise<JetStreamManager> | undefined;

  constructor(@Inject(NATS_CONNECTION) private readonly connection: NatsConnection) {}

  manager(): Promise<JetStreamManager> {
    this.jsm ??= jetstreamManager(this.connection, { checkAPI: false }).catch((error: unknown) => {
      this.jsm = undefined;
      throw error;
    });
    return this.jsm;
  }
}
