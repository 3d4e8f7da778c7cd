import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  DomainError,
  MAX_OPERATION_CHANGES,
  type Operation,
  type OperationAmendment,
  type OperationChanged,
  type OperationDraft,
  type OperationHistory,
} from '@bureaunet/contracts';
import { SerialWriter, SnapshotReader } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { BureauRepository } from '../bureau/bureau.repository';
import { RulesChangeLog } from '../rules-change/rules-change.log';
import { RulesEventsPublisher } from '../rules-change/rules-events.publisher';
import {
  invalidOperation,
  planAmendment,
  planCreation,
  planEarlyEnd,
  type OperationChangePlan,
} from './operation-change.plan';
import { OperationEntity } from './operation.entity';
import { OPERATION_CHANGED, OperationRepository, toOperation } from './operation.repository';

export interface OperationRequest extends OperationDraft {
  coordinator: string;
}

/**
 * Who asks for a change: the administrator at the registry's API (any operation), or a bureau
 * whose node relayed its coordinator's request (only that bureau's operations).
 */
export type OperationActor = { kind: 'admin' } | { kind: 'bureau'; code: string };

/**
 * Operations are part of the access rules (their coordinator alerts their participants while they
 * run): creating, amending or ending one is a rules change, with its own version, ledger record and
 * event, and its record in the rules changes is the operation's history.
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

  async create(request: OperationRequest, author: string): Promise<OperationChanged> {
    const plan = planCreation({ ...request, id: request.id ?? randomUUID() }, this.clock.now());
    return this.commit(author, async (manager) => {
      for (const code of [plan.operation.coordinator, ...plan.operation.participants])
        await this.assertMember(manager, code);
      if (await this.operations.find(manager, plan.operation.id))
        throw new DomainError('operation-exists', `operation ${plan.operation.id} exists already`, 'conflict');
      return { plan, row: new OperationEntity() };
    });
  }

  async amend(
    id: string,
    changes: OperationAmendment,
    actor: OperationActor,
    author: string,
  ): Promise<OperationChanged> {
    return this.commit(author, async (manager) => {
      const row = await this.managed(manager, id, actor);
      const plan = planAmendment(toOperation(row), changes, this.clock.now());
      for (const code of plan.added ?? []) await this.assertMember(manager, code);
      return { plan, row };
    });
  }

  async end(id: string, reason: string, actor: OperationActor, author: string): Promise<OperationChanged> {
    return this.commit(author, async (manager) => {
      const row = await this.managed(manager, id, actor);
      return { plan: planEarlyEnd(toOperation(row), reason, this.clock.now()), row };
    });
  }

  /** The operation and its changes, for the administrator or a bureau that coordinates it or takes part. */
  async history(id: string, actor: OperationActor): Promise<OperationHistory> {
    return this.snapshot.read(async (manager) => {
      const row = await this.operations.find(manager, id);
      const operation = row ? toOperation(row) : undefined;
      const visible =
        actor.kind === 'admin' || operation?.coordinator === actor.code || operation?.participants.includes(actor.code);
      if (!operation || !visible) throw notFound(id);
      return { operation, changes: await this.operations.changes(manager, operation) };
    });
  }

  /** One change in one transaction: the plan checked against the store, its rules version, the row. */
  private async commit(
    author: string,
    prepare: (manager: EntityManager) => Promise<{ plan: OperationChangePlan; row: OperationEntity }>,
  ): Promise<OperationChanged> {
    const changed = await this.writer.transaction(async (manager) => {
      const { plan, row } = await prepare(manager);
      const isNew = plan.change === 'created';
      if (!isNew && (await this.operations.changeCount(manager, plan.operation)) >= MAX_OPERATION_CHANGES)
        throw new DomainError(
          'operation-too-many-changes',
          `operation ${plan.operation.id} has had ${MAX_OPERATION_CHANGES} changes, the most one may have`,
          'conflict',
        );
      const now = this.clock.now();
      const { change, operation, ...details } = plan;
      const version = await this.log.commit(
        manager,
        { type: OPERATION_CHANGED, code: operation.coordinator, data: { change, operation, ...details }, author },
        now,
      );
      Object.assign(row, {
        id: operation.id,
        name: operation.name,
        coordinator: operation.coordinator,
        participants: JSON.stringify(operation.participants),
        start: operation.start,
        end: operation.end,
        version,
      });
      if (isNew) {
        Object.assign(row, { createdAt: now.toISOString(), author });
        await this.operations.insert(manager, row);
      } else await this.operations.update(manager, row);
      return { operation, version };
    });
    this.events.changed({ version: changed.version });
    return changed;
  }

  /** The operation, when the actor may change it: a bureau only its own (else it reads as absent or forbidden). */
  private async managed(manager: EntityManager, id: string, actor: OperationActor): Promise<OperationEntity> {
    const row = await this.operations.find(manager, id);
    if (!row) throw notFound(id);
    if (actor.kind === 'bureau' && row.coordinator !== actor.code)
      throw new DomainError(
        'operation-forbidden',
        `operation ${id} is coordinated by ${row.coordinator}: only its coordinator's bureau may change it, not ${actor.code}`,
        'forbidden',
      );
    return row;
  }

  private async assertMember(manager: EntityManager, code: string): Promise<void> {
    const bureau = await this.bureaus.find(manager, code);
    if (!bureau) throw invalidOperation(`${code} is not a registered bureau`);
    if (bureau.role === 'gateway') throw invalidOperation(`${code} is the gateway: it takes part in no operation`);
  }
}

function notFound(id: string): DomainError {
  return new DomainError('operation-not-found', `no operation ${id}`, 'not-found');
}
