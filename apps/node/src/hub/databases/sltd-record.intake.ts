import { Injectable, Logger } from '@nestjs/common';
import type { EnvelopePayload, TravelDocumentChangeBody } from '@bureaunet/contracts';
import { In, type EntityManager } from 'typeorm';
import { SltdRecordEntity } from '../../store/sltd-record.entity';
import { TravelDocumentRecordIntake } from '../../workflow/travel-document-record.intake';
import { issuerChanges, supersedes } from './sltd-change.check';
import { sltdRecordRow } from './sltd-feed.message';
import { SltdPublisher } from './sltd.publisher';

/**
 * The databases service's intake, in the transaction that stores the envelope: the issuer's own
 * changes replace the stored entries they supersede, then the publisher puts them on BN_SLTD once
 * committed. Logs counts, never an index or a blob.
 */
@Injectable()
export class SltdRecordIntake extends TravelDocumentRecordIntake {
  private readonly logger = new Logger(SltdRecordIntake.name);

  constructor(private readonly publisher: SltdPublisher) {
    super();
  }

  async receive(
    manager: EntityManager,
    payload: EnvelopePayload,
    body: TravelDocumentChangeBody,
    at: string,
  ): Promise<void> {
    const { accepted, refused } = issuerChanges(payload, body);
    if (refused > 0)
      this.logger.warn(
        `travel-document-record ${payload.id} from ${payload.from}: ${refused} of ${body.changes.length} changes refused, ` +
          `their issuingCountry is not the sender and record owner (${payload.meta.recordOwner ?? 'none named'})`,
      );
    if (accepted.length === 0) return;
    const stored = new Map(
      (
        await manager.find(SltdRecordEntity, {
          select: { index: true, version: true },
          where: { issuingCountry: payload.from, index: In(accepted.map((change) => change.index)) },
        })
      ).map((row) => [row.index, row]),
    );
    const newer = accepted.filter((change) => supersedes(change, stored.get(change.index)));
    if (newer.length > 0)
      await manager.upsert(
        SltdRecordEntity,
        newer.map((change) => sltdRecordRow(change, payload.id, at)),
        ['issuingCountry', 'index'],
      );
    this.logger.log(
      `travel-document-record ${payload.id} from ${payload.from}: ${newer.length} index entries changed` +
        (newer.length < accepted.length ? `, ${accepted.length - newer.length} not newer than held, ignored` : ''),
    );
    if (newer.length > 0) void this.publisher.kick();
  }
}
