import { DynamicModule, Module } from '@nestjs/common';
import { CA_TRUST_SUBJECT, CaTrust, ENROL_SUBJECT, EnrolResponse, RENEW_SUBJECT } from '@bureaunet/contracts';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { BusClient } from '@bureaunet/transport';
import type { BureauIdentity } from './bureau-identity';
import { BUREAU_IDENTITY_RENEWER, IdentityRenewalService, RENEWAL_POLICY } from './identity-renewal.service';
import { loadOrEnrolIdentity } from './identity.enroller';
import { IdentityRenewer } from './identity.renewer';
import { DEFAULT_RENEWAL_POLICY, type RenewalPolicy } from './renewal.policy';

export const BUREAU_IDENTITY = Symbol('BUREAU_IDENTITY');

export interface IdentityModuleOptions {
  code: string;
  dataDir: string;
  enrolmentToken?: string;
  /** When to renew and to warn of expiry; DEFAULT_RENEWAL_POLICY when absent. */
  renewal?: RenewalPolicy;
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
            loadOrEnrolIdentity({
              ...options,
              enrol: (request) => bus.request<EnrolResponse>(ENROL_SUBJECT, request, { timeoutMs: 10_000 }),
            }),
        },
        { provide: RENEWAL_POLICY, useValue: options.renewal ?? DEFAULT_RENEWAL_POLICY },
        {
          provide: BUREAU_IDENTITY_RENEWER,
          inject: [BUREAU_IDENTITY, BusClient, CLOCK, RENEWAL_POLICY],
          useFactory: (identity: BureauIdentity, bus: BusClient, clock: Clock, policy: RenewalPolicy) =>
            new IdentityRenewer({
              identity,
              dataDir: options.dataDir,
              clock,
              policy,
              renew: (request) => bus.request<EnrolResponse>(RENEW_SUBJECT, request, { timeoutMs: 10_000 }),
              trust: () => bus.request<CaTrust>(CA_TRUST_SUBJECT, {}, { timeoutMs: 10_000 }),
            }),
        },
        IdentityRenewalService,
      ],
      exports: [BUREAU_IDENTITY, BUREAU_IDENTITY_RENEWER],
    };
  }
}
