import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  DomainError,
  HUB_CODE,
  type SltdChange,
  type TravelDocumentChangeBody,
  type TravelDocumentRecord,
} from '@bureaunet/contracts';
import { BUREAU_IDENTITY, type BureauIdentity } from '@bureaunet/identity';
import { In, MoreThan, type EntityManager, type Repository } from 'typeorm';
import { EvaluatorClient } from '../evaluation/evaluator.client';
import { OutboxSender, type Outgoing } from '../outbox/outbox.sender';
import { OwnTravelDocumentEntity } from '../store/own-travel-document.entity';
import { bureauOnly } from '../workflow/role.errors';
import { envelopeBatches, recordEntry, withdrawalChange } from './record-changes';
import { RecordWriteLock } from './record-write.lock';
import {
  DEFAULT_RECORD_PAGE,
  type OwnTravelDocumentDto,
  type OwnTravelDocumentPageDto,
  type TravelDocumentChangeDto,
} from './travel-document.dto';

/** One record's change on its way: the row it will be and the replica change that carries it. */
interface PendingChange {
  row: Omit<OwnTravelDocumentEntity, 'updatedAt' | 'lastEnvelopeId'>;
  change: SltdChange;
}

/** Rows per INSERT … ON CONFLICT: well under SQLite's bound on statement variables. */
const UPSERT_CHUNK = 200;

/**
 * The issuing bureau's side of the travel-document index (docs/checks.md, "Records: from the
 * issuer to every replica"): it keeps its own records in clear, asks the evaluator for each
 * number's POPRF output (the hub never sees a number), and sends the hub only sealed replica
 * entries, in signed travel-document-record envelopes stored with the new versions in one
 * transaction.
 */
@Injectable()
export class TravelDocumentService {
  private readonly logger = new Logger(TravelDocumentService.name);
  private readonly lock = new RecordWriteLock();

  constructor(
    private readonly evaluator: EvaluatorClient,
    private readonly outbox: OutboxSender,
    @InjectRepository(OwnTravelDocumentEntity) private readonly records: Repository<OwnTravelDocumentEntity>,
    @Inject(BUREAU_IDENTITY) private readonly identity: BureauIdentity,
  ) {}

  /** Adds or changes records; each goes out at its next version. Answers once every envelope is stored. */
  async report(records: readonly TravelDocumentRecord[]): Promise<TravelDocumentChangeDto> {
    const own = this.identity.code;
    // The hub issues no documents: it is where the records go.
    if (own === HUB_CODE) throw bureauOnly('reporting travel documents');
    const foreign = records.findIndex((record) => record.issuingCountry !== own);
    if (foreign >= 0)
      throw new DomainError(
        'invalid-request',
        `records.${foreign}.issuingCountry: must be ${own}: a bureau reports only the documents it issued`,
        'invalid',
      );
    // Asked before the turn: the outputs do not depend on versions, and the evaluator is the slow part.
    const outputs = await this.outputsOf(records.map((record) => record.documentNumber));
    return this.lock.run(async () => {
      const current = await this.currentVersions(records.map((record) => record.documentNumber));
      const pending = records.map((record, position): PendingChange => {
        const version = (current.get(record.documentNumber) ?? 0) + 1;
        const { documentNumber, documentType, status, reportedAt, details } = record;
        return {
          row: {
            documentNumber,
            documentType,
            status,
            reportedAt,
            details: details ?? null,
            version,
            withdrawn: false,
          },
          change: recordEntry(record, outputs[position], version),
        };
      });
      return this.send(pending);
    });
  }

  /** Takes a record back: a withdrawal at its next version, after which the replicas forget it. */
  async withdraw(documentNumber: string): Promise<TravelDocumentChangeDto> {
    if (this.identity.code === HUB_CODE) throw bureauOnly('withdrawing travel documents');
    await this.withdrawable(documentNumber);
    const [output] = await this.outputsOf([documentNumber]);
    return this.lock.run(async () => {
      const row = await this.withdrawable(documentNumber);
      const version = row.version + 1;
      return this.send([
        { row: { ...row, version, withdrawn: true }, change: withdrawalChange(this.identity.code, output, version) },
      ]);
    });
  }

  async list(query: { limit?: number; after?: string }): Promise<OwnTravelDocumentPageDto> {
    const limit = query.limit ?? DEFAULT_RECORD_PAGE;
    const rows = await this.records.find({
      where: query.after !== undefined ? { documentNumber: MoreThan(query.after) } : {},
      order: { documentNumber: 'ASC' },
      take: limit,
    });
    const items = rows.map((row) => this.view(row));
    return { items, next: items.length === limit ? items[items.length - 1].documentNumber : null };
  }

  async get(documentNumber: string): Promise<OwnTravelDocumentDto> {
    return this.view(await this.found(documentNumber));
  }

  private async outputsOf(documentNumbers: readonly string[]): Promise<Uint8Array[]> {
    const outputs = await this.evaluator.outputs(this.identity.code, documentNumbers);
    if (outputs.length !== documentNumbers.length)
      throw new Error(`the evaluator client gave ${outputs.length} outputs for ${documentNumbers.length} numbers`);
    return outputs;
  }

  /** Stores the rows and their envelopes together (all or none), in as many envelopes as the changes need. */
  private async send(pending: readonly PendingChange[]): Promise<TravelDocumentChangeDto> {
    const batches = envelopeBatches(pending, (item) => item.change);
    const outgoings = batches.map((batch): Outgoing => ({
      kind: 'travel-document-record',
      to: [HUB_CODE],
      meta: { recordOwner: this.identity.code },
      body: { changes: batch.map((item) => item.change) } satisfies TravelDocumentChangeBody,
    }));
    const stored: OwnTravelDocumentEntity[] = [];
    const messages = await this.outbox.sendAll(outgoings, async (manager, envelopes, now) => {
      batches.forEach((batch, position) =>
        batch.forEach(({ row }) => stored.push({ ...row, updatedAt: now, lastEnvelopeId: envelopes[position].id })),
      );
      await upsertRows(manager, stored);
    });
    this.logger.log(`${pending.length} travel-document changes sent to the hub in ${messages.length} envelopes`);
    return { records: stored.map((row) => this.view(row)), envelopes: messages.map((message) => message.id) };
  }

  private async currentVersions(documentNumbers: readonly string[]): Promise<Map<string, number>> {
    const versions = new Map<string, number>();
    for (let start = 0; start < documentNumbers.length; start += UPSERT_CHUNK) {
      const rows = await this.records.find({
        select: { documentNumber: true, version: true },
        where: { documentNumber: In(documentNumbers.slice(start, start + UPSERT_CHUNK)) },
      });
      rows.forEach((row) => versions.set(row.documentNumber, row.version));
    }
    return versions;
  }

  private async found(documentNumber: string): Promise<OwnTravelDocumentEntity> {
    const row = await this.records.findOneBy({ documentNumber });
    if (!row)
      throw new DomainError('travel-document-not-found', 'documentNumber: no such record of this bureau', 'not-found');
    return row;
  }

  private async withdrawable(documentNumber: string): Promise<OwnTravelDocumentEntity> {
    const row = await this.found(documentNumber);
    if (row.withdrawn)
      throw new DomainError(
        'travel-document-withdrawn',
        'documentNumber: this record is already withdrawn',
        'conflict',
      );
    return row;
  }

  private view(row: OwnTravelDocumentEntity): OwnTravelDocumentDto {
    const { details, ...rest } = row;
    return { ...rest, issuingCountry: this.identity.code, ...(details ? { details } : {}) };
  }
}

async function upsertRows(manager: EntityManager, rows: readonly OwnTravelDocumentEntity[]): Promise<void> {
  for (let start = 0; start < rows.length; start += UPSERT_CHUNK)
    await manager.upsert(OwnTravelDocumentEntity, rows.slice(start, start + UPSERT_CHUNK), ['documentNumber']);
}
