import { DynamicModule, Module } from '@nestjs/common';
import { CLOCK, Clock } from '@bureaunet/platform';
import { GATEWAY_CONFIG, GatewayConfig } from './gateway.config';

/** The gateway's configuration and clock, visible to every module (the directory reads CLOCK too). */
@Module({})
export class GatewayRuntimeModule {
  static forRoot(config: GatewayConfig, clock: Clock): DynamicModule {
    return {
      module: GatewayRuntimeModule,
      global: true,
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: CLOCK, useValue: clock },
      ],
      exports: [GATEWAY_CONFIG, CLOCK],
    };
  }
}
