import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@bureaunet/contracts';
import { SerialWriter } from '@bureaunet/persistence';
import { ACCOUNTS_OPTIONS, type ResolvedAccountsOptions } from './accounts.options';
import type { ApiTokenEntity } from './api-token.entity';
import { ApiTokenRepository } from './api-token.repository';
import { MAX_LIVE_TOKENS } from './person.fields';
import { newPersonalToken, secretDigest } from './secret-token';

export interface ApiTokenView {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt?: string;
  expiresAt?: string;
}

export interface CreatedApiToken {
  id: string;
  name: string;
  /** Shown once: only its digest is kept. */
  token: string;
  createdAt: string;
}

const DAY_MS = 86_400_000;
// lastUsedAt is written at most this often per token: a script's loop costs one write a minute.
const TOUCH_EVERY_MS = 60_000;

/** A person's API tokens for scripts: made, listed, revoked (refused from that instant), and checked. */
@Injectable()
export class ApiTokenService {
  constructor(
    @Inject(ACCOUNTS_OPTIONS) private readonly options: ResolvedAccountsOptions,
    private readonly writer: SerialWriter,
    private readonly tokens: ApiTokenRepository,
  ) {}

  async list(personId: string): Promise<ApiTokenView[]> {
    return (await this.tokens.unrevokedOf(personId)).map(tokenView);
  }

  async create(personId: string, request: { name: string; expiresInDays?: number }): Promise<CreatedApiToken> {
    const now = this.options.clock.now();
    const token = newPersonalToken();
    const row: ApiTokenEntity = {
      id: randomUUID(),
      personId,
      name: request.name,
      digest: secretDigest(token),
      createdAt: now.toISOString(),
      lastUsedAt: null,
      expiresAt:
        request.expiresInDays === undefined
          ? null
          : new Date(now.getTime() + request.expiresInDays * DAY_MS).toISOString(),
      revokedAt: null,
    };
    await this.writer.transaction(async (manager) => {
      // What is dead goes when a token is made: a person's rows stay within MAX_LIVE_TOKENS.
      await this.tokens.deleteDeadOf(manager, personId, now.toISOString());
      const live = await this.tokens.unrevokedOf(personId, manager);
      if (live.length >= MAX_LIVE_TOKENS)
        throw new DomainError(
          'too-many-tokens',
          `a person holds at most ${MAX_LIVE_TOKENS} live tokens: revoke one first`,
          'conflict',
        );
      await this.tokens.insert(manager, row);
    });
    return { id: row.id, name: row.name, token, createdAt: row.createdAt };
  }

  async revoke(personId: string, id: string): Promise<void> {
    const at = this.options.clock.now().toISOString();
    const revoked = await this.writer.transaction((manager) => this.tokens.revoke(manager, personId, id, at));
    if (!revoked) throw new DomainError('token-not-found', `you hold no live token ${id}`, 'not-found');
  }

  /** The person a presented token names; 401 when it is unknown, revoked or expired. */
  async personOf(token: string): Promise<string> {
    const row = await this.tokens.findByDigest(secretDigest(token));
    const now = this.options.clock.now();
    if (!row) throw new DomainError('token-invalid', 'this personal token is unknown', 'unauthorized');
    if (row.revokedAt !== null)
      throw new DomainError('token-revoked', 'this personal token was revoked', 'unauthorized');
    if (hasExpired(row, now)) throw new DomainError('token-expired', 'this personal token has expired', 'unauthorized');
    if (row.lastUsedAt === null || now.getTime() - Date.parse(row.lastUsedAt) >= TOUCH_EVERY_MS) {
      const at = now.toISOString();
      await this.writer.transaction((manager) => this.tokens.touch(manager, row.id, at));
    }
    return row.personId;
  }
}

function hasExpired(token: ApiTokenEntity, now: Date): boolean {
  return token.expiresAt !== null && Date.parse(token.expiresAt) <= now.getTime();
}

function tokenView(token: ApiTokenEntity): ApiTokenView {
  return {
    id: token.id,
    name: token.name,
    createdAt: token.createdAt,
    ...(token.lastUsedAt ? { lastUsedAt: token.lastUsedAt } : {}),
    ...(token.expiresAt ? { expiresAt: token.expiresAt } : {}),
  };
}
