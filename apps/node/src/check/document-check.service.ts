import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError, type DocumentCheckRequest } from '@bureaunet/contracts';
import { SerialWriter } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { TravelDocumentError, deriveRecordKeys, openRecord, type OpenedRecord } from '@bureaunet/travel-document';
import { EvaluatorClient } from '../evaluation/evaluator.client';
import { HitProcedure, type StartedHit } from '../hit/hit.procedure';
import { EnvelopeIdGenerator } from '../id/envelope-id.generator';
import { ReplicaStatus } from '../replica/replica.status';
import type { CheckLogEntity } from '../store/check-log.entity';
import { CheckLogRepository } from '../store/check-log.repository';
import type { SltdReplicaEntryEntity } from '../store/sltd-replica-entry.entity';
import type { ReportableStatus } from '../store/sltd-replica-entry.status';
import { SltdReplicaRepository } from '../store/sltd-replica.repository';
import { checkedDocument, type CheckedDocument } from './checked-document';
import { documentHit, reportedEntry, type DocumentCheckAnswer } from './document-check.answer';

/** A hit notification names a place; a check that named none says so. */
const PLACE_NOT_STATED = 'not stated';

/**
 * A document check at this node: the number goes only to the evaluator, blinded (EvaluatorClient);
 * the index derived from its output is looked up in the local replica; a reportable entry is a hit,
 * its details opened with the key derived from the same output, and its owner notified. Every
 * check is logged (who, where, when, outcome; on a hit the entry's opaque index), never the number.
 */
@Injectable()
export class DocumentCheckService {
  private readonly logger = new Logger(DocumentCheckService.name);

  constructor(
    private readonly evaluator: EvaluatorClient,
    private readonly hits: HitProcedure,
    private readonly replica: SltdReplicaRepository,
    private readonly freshness: ReplicaStatus,
    private readonly checks: CheckLogRepository,
    private readonly writer: SerialWriter,
    private readonly ids: EnvelopeIdGenerator,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async check(request: DocumentCheckRequest, actor: string): Promise<DocumentCheckAnswer> {
    const now = this.clock.now();
    const document = checkedDocument(request, now);
    const output = await this.evaluate(document);
    const log = {
      id: this.ids.next(),
      kind: 'document' as const,
      checkedAt: now.toISOString(),
      actor,
      place: request.place ?? null,
      issuingCountry: document.issuingCountry,
    };
    const answer = {
      checkId: log.id,
      checkedAt: log.checkedAt,
      document: { issuingCountry: document.issuingCountry },
      source: 'replica' as const,
    };
    if (!output) {
      await this.record({ ...log, outcome: 'undetermined', matched: null, hitId: null });
      const replica = await this.freshness.freshness();
      return { ...answer, outcome: 'undetermined', reason: 'evaluator-unreachable', replica };
    }
    const { index, sealingKey } = deriveRecordKeys(output);
    const [entry, replica] = await Promise.all([
      this.replica.find(document.issuingCountry, index.toString('hex')),
      this.freshness.freshness(),
    ]);
    const hitEntry = reportedEntry(entry);
    if (!hitEntry) {
      await this.record({ ...log, outcome: 'no-hit', matched: null, hitId: null });
      return { ...answer, outcome: 'no-hit', replica };
    }
    const opened = this.open(log.id, hitEntry, sealingKey);
    // Logged before the owner hears of it: no notification names a check this node has no record of.
    const matched = { index: hitEntry.index, owner: hitEntry.issuingCountry, version: hitEntry.version };
    await this.record({ ...log, outcome: 'hit', matched, hitId: null });
    const started = await this.notify(log.id, hitEntry, log.checkedAt, request.place);
    return {
      ...answer,
      outcome: 'hit',
      document: { ...answer.document, ...(opened ? { documentType: opened.documentType } : {}) },
      hit: documentHit(hitEntry, opened, started),
      replica,
    };
  }

  /** The POPRF output, or undefined when no evaluator answered: undetermined, never a no-hit. */
  private async evaluate(document: CheckedDocument): Promise<Uint8Array | undefined> {
    try {
      const [output] = await this.evaluator.outputs(document.issuingCountry, [document.documentNumber]);
      if (!output) throw new Error('the evaluator client gave no output');
      return output;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'evaluator-unavailable') return undefined;
      throw error;
    }
  }

  /** The sealed details; null (and a warning without the index or the blob) when they do not open. */
  private open(
    checkId: string,
    entry: SltdReplicaEntryEntity & { status: ReportableStatus },
    sealingKey: Buffer,
  ): OpenedRecord | null {
    if (!entry.sealed) return null;
    try {
      return openRecord({
        entry: {
          index: Buffer.from(entry.index, 'hex'),
          issuingCountry: entry.issuingCountry,
          status: entry.status,
          version: entry.version,
          sealed: entry.sealed,
        },
        sealingKey,
      });
    } catch (error) {
      if (!(error instanceof TravelDocumentError)) throw error;
      this.logger.warn(
        `check ${checkId}: the details of the ${entry.issuingCountry} entry that matched do not open (${error.code}); answered with its status only`,
      );
      return null;
    }
  }

  /** Starts the hit procedure; a failure is logged and shown, never hides the hit from the officer. */
  private async notify(
    checkId: string,
    entry: SltdReplicaEntryEntity & { status: ReportableStatus },
    checkedAt: string,
    place: string | undefined,
  ): Promise<StartedHit | null> {
    let started: StartedHit;
    try {
      started = await this.hits.notify({
        checkId,
        owner: entry.issuingCountry,
        hit: {
          kind: 'document',
          index: entry.index,
          issuingCountry: entry.issuingCountry,
          status: entry.status,
          version: entry.version,
        },
        checkedAt,
        place: place ?? PLACE_NOT_STATED,
      });
    } catch (error) {
      this.logger.error(
        `check ${checkId}: ALERT the hit could not be notified to ${entry.issuingCountry}: ${describe(error)}`,
      );
      return null;
    }
    try {
      await this.writer.transaction((manager) => this.checks.setHitId(manager, checkId, started.hitId));
    } catch (error) {
      this.logger.error(
        `check ${checkId}: hit ${started.hitId} started but not written to the check log: ${describe(error)}`,
      );
    }
    return started;
  }

  private record(row: CheckLogEntity): Promise<void> {
    return this.writer.transaction((manager) => this.checks.insert(manager, row));
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
