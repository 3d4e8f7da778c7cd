import type { AddressInfo } from 'node:net';
import { Server as HttpsServer } from 'node:https';
import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ACCOUNTS_OPTIONS, type ResolvedAccountsOptions } from './accounts.options';

/** The origin people reach this service at: PUBLIC_URL, else the address it listens on. */
@Injectable()
export class PublicUrl {
  constructor(
    @Inject(ACCOUNTS_OPTIONS) private readonly options: ResolvedAccountsOptions,
    private readonly adapter: HttpAdapterHost,
  ) {}

  origin(): string {
    if (this.options.settings.publicUrl) return this.options.settings.publicUrl;
    const server: unknown = this.adapter.httpAdapter.getHttpServer();
    const address = (server as { address(): AddressInfo | string | null }).address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const bound = process.env.BIND_HOST ?? '127.0.0.1';
    // A wildcard bind has no address a person could type: loopback is the one sure to answer.
    const host = bound === '0.0.0.0' || bound === '::' ? '127.0.0.1' : bound;
    const scheme = server instanceof HttpsServer ? 'https' : 'http';
    return `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  }
}
