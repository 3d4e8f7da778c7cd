import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { DomainError } from '@bureaunet/contracts';
import { REGISTRY_CONFIG, type RegistryConfig } from '../registry.config';

const BEARER = /^Bearer +(\S+) *$/i;

/** Admits a request that carries REGISTRY_ADMIN_TOKEN as its bearer token; refuses the rest with 401. */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(@Inject(REGISTRY_CONFIG) config: RegistryConfig) {
    this.expected = digest(config.adminToken);
  }

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const presented = BEARER.exec(http.getRequest<Request>().headers.authorization ?? '')?.[1];
    if (presented !== undefined && timingSafeEqual(digest(presented), this.expected)) return true;
    http.getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer realm="bureaunet-registry"');
    if (presented === undefined) throw new DomainError('admin-token-missing', 'an admin bearer token is required', 'unauthorized');
    throw new DomainError('admin-token-invalid', 'the admin bearer token is not valid', 'unauthorized');
  }
}

// Digests first: timingSafeEqual needs equal lengths, and the comparison must not reveal the token's length.
function digest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
