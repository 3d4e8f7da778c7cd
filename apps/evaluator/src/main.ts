import 'reflect-metadata';
import { bootstrapService } from '@bureaunet/platform/stateless';
import { JetStreamServer, NATS_CONNECTION } from '@bureaunet/transport';
import { readEvaluatorConfig } from './evaluator.config';
import { EvaluatorModule } from './evaluator.module';

async function main(): Promise<void> {
  const config = readEvaluatorConfig();
  await bootstrapService({
    name: 'evaluator',
    module: EvaluatorModule.forRoot(config),
    port: config.port,
    // Core request/reply only: no stream to consume or keep (its broker user may not touch JetStream).
    microservice: (app) =>
      new JetStreamServer({ connection: () => app.get(NATS_CONNECTION), consumers: [], manageStreams: false }),
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`evaluator failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
