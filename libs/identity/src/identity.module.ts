import { DynamicModule, Module } from '@nestjs/common';
import { ENROL_SUBJECT, EnrolResponse } from '@bureaunet/contracts';
import { BusClient } from '@bureaunet/transport';
import { loadOrEnrolIdentity } from './identity.enroller';

export const BUREAU_IDENTITY = Symbol('BUREAU_IDENTITY');

export interface IdentityModuleOptions {
  code: string;
  dataDir: string;
  enrolmentToken?: string;
}

@Module({})
export class IdentityModule {
  /** Provides BUREAU_IDENTITY, enrolling over NATS request/reply on first start. */
  static forRoot(options: IdentityModuleOptions): DynamicModule {
    return {
      module: IdentityModule,
      global: true,
      providers: [
        {
          provide: BUREAU_IDENTITY,
          inject: [BusClient],
          useFactory: (bus: BusClient) =>
            loadOrEnrolIdentity({ ...options, enrol: (request) => bus.request<EnrolResponse>(ENROL_SUBJECT, request, { timeoutMs: 10_000 }) }),
        },
      ],
      exports: [BUREAU_IDENTITY],
    };
  }
}
