import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DomainError, operationAlertBodySchema, type Operation, type WorkflowNote } from '@bureaunet/contracts';
import { BUREAU_IDENTITY, type BureauIdentity } from '@bureaunet/identity';
import { CLOCK, type Clock } from '@bureaunet/platform';
import type { Repository } from 'typeorm';
import { ReceivedMessageEntity } from '../store/received-message.entity';
import type { SentMessageDto } from '../message/message.dto';
import { sentMessageView } from '../message/message.views';
import { SentMessageEntity } from '../store/sent-message.entity';
import { SentMessageRepository } from '../store/sent-message.repository';
import { OutboxSender } from '../outbox/outbox.sender';
import { checkBody } from '../workflow/body.check';
import type {
  AlertDto,
  AlertSentDto,
  AmendOperationDto,
  CreateOperationDto,
  OperationChangedDto,
  OperationDto,
  ReplyDto,
  SendAlertDto,
} from './operation.dto';
import { OperationDirectory } from './operation.directory';
import { assertAlertable, operationPhase } from './operation.phase';

/** Operations this bureau coordinates or takes part in; alerts out, replies back. */
@Injectable()
export class OperationService {
  constructor(
    private readonly directory: OperationDirectory,
    private readonly outbox: OutboxSender,
    @InjectRepository(ReceivedMessageEntity) private readonly received: Repository<ReceivedMessageEntity>,
    @InjectRepository(SentMessageEntity) private readonly sentMessages: Repository<SentMessageEntity>,
    private readonly sent: SentMessageRepository,
    @Inject(BUREAU_IDENTITY) private readonly identity: BureauIdentity,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(): Promise<OperationDto[]> {
    const code = this.identity.code;
    const now = this.clock.now();
    return (await this.directory.all())
      .filter((operation) => operation.coordinator === code || operation.participants.includes(code))
      .map((operation) => operationView(operation, code, now));
  }

  /** A new operation coordinated by this bureau (the registry binds it to this node's bureau). */
  async create(dto: CreateOperationDto, author: string): Promise<OperationChangedDto> {
    return this.changed(await this.directory.manage({ action: 'create', operation: dto, author }));
  }

  /** Renames, adds or removes participants, extends: only an operation this bureau coordinates. */
  async amend(id: string, dto: AmendOperationDto, author: string): Promise<OperationChangedDto> {
    return this.changed(await this.directory.manage({ action: 'amend', id, changes: dto, author }));
  }

  /** Ends it now: its alerts are refused from this moment, here and at the gateway. */
  async end(id: string, reason: string, author: string): Promise<OperationChangedDto> {
    return this.changed(await this.directory.manage({ action: 'end', id, reason, author }));
  }

  /**
   * Broadcasts an alert to the operation's participants as the registry has them now. An alert
   * outside the operation's time is refused here at once (the gateway would refuse it too); the
   * gateway decides the rest (coordinator only, participants only): a refusal shows per recipient
   * at GET /api/messages/:id.
   */
  async alert(operationId: string, dto: SendAlertDto): Promise<AlertSentDto> {
    const operation = await this.directory.get(operationId);
    if (operation.coordinator !== this.identity.code) {
      throw new DomainError(
        'not-coordinator',
        `operation ${operationId} is coordinated by ${operation.coordinator}, not ${this.identity.code}`,
        'forbidden',
      );
    }
    assertAlertable(operation, this.clock.now());
    const to = operation.participants.filter((code) => code !== this.identity.code);
    if (to.length === 0)
      throw new DomainError('no-recipients', `operation ${operationId} has no participant to alert`, 'conflict');
    const body = checkBody(operationAlertBodySchema, { title: dto.title, details: dto.details });
    const message = await this.outbox.send({
      kind: 'operation-alert',
      to,
      meta: { operationId, ...(dto.priority ? { priority: dto.priority } : {}) },
      body,
    });
    return { id: message.id, to };
  }

  private changed({ operation, version }: { operation: Operation; version: number }): OperationChangedDto {
    return { operation: operationView(operation, this.identity.code, this.clock.now()), version };
  }

  async alerts(operationId: string): Promise<AlertDto[]> {
    const rows = await this.received.find({
      where: { kind: 'operation-alert' },
      order: { receivedAt: 'DESC' },
      take: 1000,
    });
    return rows
      .filter((row) => row.meta.operationId === operationId)
      .map((row) => ({ id: row.id, operationId, from: row.from, body: row.body, receivedAt: row.receivedAt }));
  }

  /** Alerts sent from here for this operation, with the gateway's decision per recipient (refusals named). */
  async sentAlerts(operationId: string): Promise<SentMessageDto[]> {
    const rows = (
      await this.sentMessages.find({ where: { kind: 'operation-alert' }, order: { id: 'DESC' }, take: 1000 })
    ).filter((row) => row.meta.operationId === operationId);
    const recipients = await this.sent.findRecipients(rows.map((row) => row.id));
    return rows.map((row) =>
      sentMessageView(
        row,
        recipients.filter((recipient) => recipient.messageId === row.id),
      ),
    );
  }

  /** A participant answers an alert: a message to the coordinator, tied to the alert by replyTo. */
  async reply(alertId: string, dto: ReplyDto): Promise<AlertSentDto> {
    const alert = await this.received.findOneBy({ id: alertId, kind: 'operation-alert' });
    if (!alert)
      throw new DomainError('alert-not-found', `no operation alert ${alertId} was received here`, 'not-found');
    const body: WorkflowNote = {
      workflow: 'operation-reply',
      alertId,
      operationId: alert.meta.operationId ?? '',
      text: dto.text,
    };
    const message = await this.outbox.send({ kind: 'message', to: [alert.from], meta: { replyTo: alertId }, body });
    return { id: message.id, to: [alert.from] };
  }

  async replies(operationId: string): Promise<AlertDto[]> {
    const rows = await this.received.find({ where: { kind: 'message' }, order: { receivedAt: 'DESC' }, take: 2000 });
    return rows
      .filter((row) => isReplyFor(row.body, operationId))
      .map((row) => ({ id: row.id, operationId, from: row.from, body: row.body, receivedAt: row.receivedAt }));
  }
}

function isReplyFor(body: unknown, operationId: string): boolean {
  const note = body as Partial<WorkflowNote> | null;
  return !!note && note.workflow === 'operation-reply' && note.operationId === operationId;
}

export function operationView(operation: Operation, code: string, now: Date): OperationDto {
  return {
    ...operation,
    role: operation.coordinator === code ? 'coordinator' : 'participant',
    phase: operationPhase(operation, now),
  };
}
