import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, type Declaration, type DeclarationType } from '@bureaunet/contracts';
import { SerialWriter, SnapshotReader } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { unknownBureau } from '../bureau/bureau.errors';
import { BureauRepository } from '../bureau/bureau.repository';
import { DeclarationEntity } from './declaration.entity';
import { RulesChangeLog } from '../rules-change/rules-change.log';
import { RulesEventsPublisher } from '../rules-change/rules-events.publisher';
import { unknownDeclaration } from './rules.errors';
import { RulesRepository } from './rules.repository';
import { toDeclaration } from './rules.service';

export interface DeclarationRequest {
  declarer: string;
  counterpart: string;
  type: DeclarationType;
}

/** Bilateral declarations between bureaus. Each change: one transaction, a new rules version, then an event. */
@Injectable()
export class DeclarationService {
  constructor(
    private readonly writer: SerialWriter,
    private readonly snapshot: SnapshotReader,
    private readonly rules: RulesRepository,
    private readonly bureaus: BureauRepository,
    private readonly log: RulesChangeLog,
    private readonly events: RulesEventsPublisher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  list(): Promise<Declaration[]> {
    return this.snapshot.read(async (manager) => (await this.rules.declarations(manager)).map(toDeclaration));
  }

  async add(request: DeclarationRequest, author: string): Promise<Declaration & { version: number }> {
    if (request.declarer === request.counterpart)
      throw new DomainError('declaration-invalid', 'a bureau cannot make a declaration about itself', 'invalid');
    const added = await this.writer.transaction(async (manager) => {
      await this.assertBureau(manager, request.declarer);
      await this.assertBureau(manager, request.counterpart);
      const existing = await this.rules.findSameDeclaration(manager, request);
      if (existing)
        throw new DomainError(
          'declaration-exists',
          `${request.declarer} has already declared ${request.type} ${request.counterpart} (declaration ${existing.id})`,
          'conflict',
        );
      const now = this.clock.now();
      const row = Object.assign(new DeclarationEntity(), {
        id: randomUUID(),
        ...request,
        createdAt: now.toISOString(),
      });
      row.version = await this.log.commit(
        manager,
        {
          type: 'declaration-changed',
          code: request.declarer,
          data: { change: 'added', declaration: toDeclaration(row) },
          author,
        },
        now,
      );
      await this.rules.insertDeclaration(manager, row);
      return row;
    });
    this.events.changed({ version: added.version });
    return { ...toDeclaration(added), version: added.version };
  }

  async remove(id: string, author: string): Promise<{ version: number }> {
    const version = await this.writer.transaction(async (manager) => {
      const row = await this.rules.findDeclaration(manager, id);
      if (!row) throw unknownDeclaration(id);
      const now = this.clock.now();
      const changed = await this.log.commit(
        manager,
        {
          type: 'declaration-changed',
          code: row.declarer,
          data: { change: 'removed', declaration: toDeclaration(row) },
          author,
        },
        now,
      );
      await this.rules.deleteDeclaration(manager, id);
      return changed;
    });
    this.events.changed({ version });
    return { version };
  }

  // The hub stays reachable by everyone, so only bureaus make or are named in declarations.
  private async assertBureau(manager: EntityManager, code: string): Promise<void> {
    const bureau = await this.bureaus.find(manager, code);
    if (!bureau) throw unknownBureau(code);
    if (bureau.role !== 'bureau')
      throw new DomainError(
        'declaration-invalid',
        `${code} is the ${bureau.role}: declarations are between bureaus`,
        'invalid',
      );
  }
}
