import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, type Operation } from '@bureaunet/contracts';
import { SerialWriter, SnapshotReader } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { unknownBureau } from '../bureau/bureau.errors';
import { BureauRepository } from '../bureau/bureau.repository';
import { RulesChangeLog } from '../rules-change/rules-change.log';
import { RulesEventsPublisher } from '../rules-change/rules-events.publisher';
import { OperationEntity } from './operation.entity';
import { OperationRepository, toOperation } from './operation.repository';

export interface OperationRequest {
  id?: string;
  name: string;
  coordinator: string;
  participants: string[];
  start: string;
  end: string;
}

/**
 * Operations are part of the access rules (their coordinator alerts their participants while they
 * run): creating one is a rules change, with its own version, ledger record and event.
 */
@Injectable()
export class OperationService {
  constructor(
    private readonly writer: SerialWriter,
    private readonly snapshot: SnapshotReader,
    private readonly operations: OperationRepository,
    private readonly bureaus: BureauRepository,
    private readonly log: RulesChangeLog,
    private readonly events: RulesEventsPublisher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  list(): Promise<Operation[]> {
    return this.snapshot.read(async (manager) => (await this.operations.findAll(manager)).map(toOperation));
  }

  /** The operations a bureau coordinates or takes part in: all a node needs of the rules. */
  async forBureau(code: string): Promise<Operation[]> {
    return (await this.list()).filter(
      (operation) => operation.coordinator === code || operation.participants.includes(code),
    );
  }

  async create(request: OperationRequest, author: string): Promise<Operation & { version: number }> {
    const start = new Date(request.start);
    const end = new Date(request.end);
    if (!(end.getTime() > start.getTime())) throw invalidOperation('end must be after start');
    const participants = [...new Set(request.participants)];
    if (participants.length === 0) throw invalidOperation('an operation needs at least one participant');
    if (participants.includes(request.coordinator))
      throw invalidOperation(`${request.coordinator} coordinates: list it once, as coordinator`);
    const created = await this.writer.transaction(async (manager) => {
      for (const code of [request.coordinator, ...participants]) await this.assertMember(manager, code);
      const id = request.id ?? randomUUID();
      if (await this.operations.find(manager, id))
        throw new DomainError('operation-exists', `operation ${id} exists already`, 'conflict');
      const now = this.clock.now();
      const row = Object.assign(new OperationEntity(), {
        id,
        name: request.name,
        coordinator: request.coordinator,
        participants: JSON.stringify(participants),
        start: start.toISOString(),
        end: end.toISOString(),
        createdAt: now.toISOString(),
        author,
      });
      row.version = await this.log.commit(
        manager,
        {
          type: 'operation-changed',
          code: request.coordinator,
          data: { change: 'created', operation: toOperation(row) },
          author,
        },
        now,
      );
      await this.operations.insert(manager, row);
      return row;
    });
    this.events.changed({ version: created.version });
    return { ...toOperation(created), version: created.version };
  }

  private async assertMember(manager: EntityManager, code: string): Promise<void> {
    const bureau = await this.bureaus.find(manager, code);
    if (!bureau) throw unknownBureau(code);
    if (bureau.role === 'gateway') throw invalidOperation(`${code} is the gateway: it takes part in no operation`);
  }
}

function invalidOperation(message: string): DomainError {
  return new DomainError('operation-invalid', message, 'invalid');
}
