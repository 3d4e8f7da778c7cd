import 'reflect-metadata';
import { bootstrapService, preparePrivateDataDir } from '@bureaunet/platform';
import { JetStreamServer, NATS_CONNECTION } from '@bureaunet/transport';
import { GatewayDeadLetterService } from './dead-letter/dead-letter.service';
import { GATEWAY_CONSUMERS } from './gateway.consumers';
import { readGatewayConfig } from './gateway.config';
import { DeliveryConsumersProvisioner } from './delivery-consumers/delivery-consumers.provisioner';
import { GatewayModule } from './gateway.module';
import { SubmissionLanes } from './submission-lanes/submission-lanes.service';

async function main(): Promise<void> {
  const config = readGatewayConfig();
  preparePrivateDataDir(config.dataDir);
  await bootstrapService({
    name: 'gateway',
    module: GatewayModule.forRoot(config),
    port: config.port,
    microservice: (app) =>
      new JetStreamServer({
        connection: () => app.get(NATS_CONNECTION),
        streams: { replicas: config.natsReplicas },
        // The bureaus' consumers are the hub's: made with the streams, and again whenever those come back.
        // Not awaited: the gateway's own consumers need not wait for ~200 bureaus' (the nodes wait for theirs).
        // The senders' submissions: from the first time the streams exist, by the partitions this gateway leases.
        streamsReady: () => {
          void app.get(DeliveryConsumersProvisioner).reconcile();
          void app.get(SubmissionLanes).start();
          return Promise.resolve();
        },
        // A submission or registry event that keeps failing is parked, so the ones behind it go on.
        deadLetter: (data, context, error) => app.get(GatewayDeadLetterService).park(data, context, error),
        deadLetterAfter: config.deadLetterAfter,
        consumers: GATEWAY_CONSUMERS,
      }),
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`gateway failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
