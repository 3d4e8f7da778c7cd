import 'reflect-metadata';
import { bootstrapService, preparePrivateDataDir } from '@bureaunet/platform';
import { JetStreamServer, NATS_CONNECTION } from '@bureaunet/transport';
import { readRegistryConfig } from './registry.config';
import { RegistryModule } from './registry.module';

async function main(): Promise<void> {
  const config = readRegistryConfig();
  preparePrivateDataDir(config.dataDir);
  await bootstrapService({
    name: 'registry',
    module: RegistryModule.forRoot(config),
    port: config.port,
    // Request/reply handlers only: the registry consumes no stream.
    microservice: (app) =>
      new JetStreamServer({
        connection: () => app.get(NATS_CONNECTION),
        streams: { replicas: config.natsReplicas },
        consumers: [],
      }),
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`registry failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
