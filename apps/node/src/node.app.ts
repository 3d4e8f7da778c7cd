import type { INestApplication } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  DELIVER_SUBJECT_WILDCARD,
  DELIVERIES_STREAM,
  deliverSubject,
  deliveryConsumerName,
} from '@bureaunet/contracts';
import { bootstrapService, preparePrivateDataDir } from '@bureaunet/platform';
import { JetStreamServer, NATS_CONNECTION } from '@bureaunet/transport';
import { DeadLetterService } from './dead-letter/dead-letter.service';
import type { NodeConfig } from './node.config';
import { NodeModule, type NodeModuleOptions } from './node.module';

export interface RunningNode {
  app: INestApplication;
  url: string;
}

/**
 * Boots one bureau's node: HTTP API plus the durable consumer of its own delivery subject, on the
 * NATS connection TransportModule opened. Prints the ready line once both serve.
 */
export async function startNode(config: NodeConfig, options: NodeModuleOptions = {}): Promise<RunningNode> {
  // Keys, tokens and decrypted bodies: 0600 in a 0700 folder, checked before anything opens them.
  preparePrivateDataDir(config.dataDir);
  return bootstrapService({
    name: `node ${config.code}`,
    module: NodeModule.forRoot(config, options),
    port: config.port,
    microservice: (app) =>
      new JetStreamServer({
        connection: () => app.get<NatsConnection>(NATS_CONNECTION),
        manageStreams: !config.nats.user,
        streams: { replicas: config.natsReplicas },
        // A delivery that keeps failing is parked, so it never holds up the ones behind it.
        deadLetter: (data, context, error) => app.get(DeadLetterService).park(data, context, error),
        deadLetterAfter: config.deadLetterAfter,
        consumers: [
          // One durable consumer per bureau, made by the gateway (a node may not make or change one);
          // the static @EventPattern serves every node's own subject.
          {
            stream: DELIVERIES_STREAM,
            durable: deliveryConsumerName(config.code),
            filterSubject: deliverSubject(config.code),
            pattern: DELIVER_SUBJECT_WILDCARD,
            bindOnly: { waitMs: config.consumerWaitMs },
          },
        ],
      }),
  });
}
