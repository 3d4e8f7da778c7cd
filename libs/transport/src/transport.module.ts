import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { BusClient } from './bus.client';
import {
  NATS_CONNECTION,
  TRANSPORT_OPTIONS,
  drainConnection,
  natsConnectionProvider,
  type TransportOptions,
} from './nats-connection.provider';

/** One NATS connection per process, shared by BusClient and JetStreamServer. */
@Global()
@Module({})
export class TransportModule implements OnApplicationShutdown {
  constructor(@Inject(NATS_CONNECTION) private readonly connection: NatsConnection) {}

  static forRoot(options: TransportOptions): DynamicModule {
    return {
      module: TransportModule,
      global: true,
      providers: [{ provide: TRANSPORT_OPTIONS, useValue: options }, natsConnectionProvider, BusClient],
      exports: [NATS_CONNECTION, BusClient],
    };
  }

  /**
   * Not onModuleDestroy: in a hybrid app Nest runs destroy hooks before it closes the connected
   * microservices, so the JetStream server would lose its connection with handlers still in flight.
   */
  async onApplicationShutdown(): Promise<void> {
    await drainConnection(this.connection);
  }
}
