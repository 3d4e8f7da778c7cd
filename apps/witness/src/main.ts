import 'reflect-metadata';
import { bootstrapService } from '@bureaunet/platform';
import { readWitnessConfig } from './witness.config';
import { WitnessModule } from './witness.module';

async function main(): Promise<void> {
  const config = readWitnessConfig();
  await bootstrapService({ name: `witness ${config.name}`, module: WitnessModule.forRoot(config), port: config.port });
}

main().catch((error: unknown) => {
  process.stderr.write(`witness failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
