import { Module, type DynamicModule } from '@nestjs/common';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { ConsoleEventBus } from './console-events/console-event.bus';
import { NODE_CONFIG, type NodeConfig } from './node.config';

/** The node's configuration, clock and console event bus, visible to every module (the directory reads CLOCK too). */
@Module({})
export class NodeRuntimeModule {
  static forRoot(config: NodeConfig, clock: Clock): DynamicModule {
    return {
      module: NodeRuntimeModule,
      global: true,
      providers: [{ provide: NODE_CONFIG, useValue: config }, { provide: CLOCK, useValue: clock }, ConsoleEventBus],
      exports: [NODE_CONFIG, CLOCK, ConsoleEventBus],
    };
  }
}
