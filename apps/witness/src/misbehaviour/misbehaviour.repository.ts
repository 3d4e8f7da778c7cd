import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { Repository } from 'typeorm';
import { SerialWriter } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import type { LogMisbehaviourError } from '@bureaunet/witness';
import { MisbehaviourReportEntity } from './misbehaviour-report.entity';

/** Distinct reports kept: a hostile log sending a new lie each time must not fill the disk. */
export const MAX_MISBEHAVIOUR_REPORTS = 1_000;

export interface MisbehaviourReport {
  id: string;
  origin: string;
  code: string;
  reason: string;
  cosigned: string;
  presented: string;
  detectedAt: string;
}

@Injectable()
export class MisbehaviourRepository {
  private readonly logger = new Logger('Misbehaviour');

  constructor(
    private readonly writer: SerialWriter,
    @InjectRepository(MisbehaviourReportEntity) private readonly rows: Repository<MisbehaviourReportEntity>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Stores the evidence (once per distinct lie) and logs it as an error whatever happens. */
  async record(error: LogMisbehaviourError): Promise<void> {
    const { origin, cosigned, presented } = error.evidence;
    const id = createHash('sha256').update(`${error.code}\n${cosigned}\n${presented}`).digest('hex');
    this.logger.error(`log ${origin} misbehaved (${error.code}, report ${id}): ${error.message}`);
    const stored = await this.writer.transaction(async (manager) => {
      if (await manager.existsBy(MisbehaviourReportEntity, { id })) return 'known';
      if ((await manager.count(MisbehaviourReportEntity)) >= MAX_MISBEHAVIOUR_REPORTS) return 'full';
      await manager.insert(MisbehaviourReportEntity, {
        id,
        origin,
        code: error.code,
        reason: error.message,
        cosigned,
        presented,
        detectedAt: this.clock.now().toISOString(),
      });
      return 'stored';
    });
    if (stored === 'full')
      this.logger.error(
        `report ${id} not stored: ${MAX_MISBEHAVIOUR_REPORTS} reports are kept already (the log line above is its record)`,
      );
  }

  /** Newest first, at most `limit`. */
  async list(limit: number): Promise<MisbehaviourReport[]> {
    const rows = await this.rows.find({ order: { detectedAt: 'DESC', id: 'ASC' }, take: limit });
    return rows.map((row) => ({ ...row }));
  }

  count(): Promise<number> {
    return this.rows.count();
  }
}
