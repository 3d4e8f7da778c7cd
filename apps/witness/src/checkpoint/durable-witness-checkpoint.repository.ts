import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { SerialWriter } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import type { CosignedCheckpoint, WitnessCheckpointRepository } from '@bureaunet/witness';
import { WitnessCheckpointEntity } from './witness-checkpoint.entity';

/**
 * The witness's state in SQLite. replaceIfAt reads and writes in one SerialWriter transaction: the
 * process's only writer, so no other submission can move the size between the check and the write.
 */
@Injectable()
export class DurableWitnessCheckpointRepository implements WitnessCheckpointRepository {
  constructor(
    private readonly writer: SerialWriter,
    @InjectRepository(WitnessCheckpointEntity) private readonly rows: Repository<WitnessCheckpointEntity>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async latest(origin: string): Promise<CosignedCheckpoint | undefined> {
    const row = await this.rows.findOneBy({ origin });
    return row ? toCheckpoint(row) : undefined;
  }

  replaceIfAt(expectedSize: number, next: CosignedCheckpoint): Promise<boolean> {
    return this.writer.transaction(async (manager) => {
      const current = await manager.findOneBy(WitnessCheckpointEntity, { origin: next.origin });
      if ((current?.treeSize ?? 0) !== expectedSize) return false;
      await manager.save(WitnessCheckpointEntity, {
        origin: next.origin,
        treeSize: next.treeSize,
        rootHash: next.rootHash.toString('hex'),
        note: next.note,
        cosignedAt: this.clock.now().toISOString(),
      });
      return true;
    });
  }
}

function toCheckpoint(row: WitnessCheckpointEntity): CosignedCheckpoint {
  return { origin: row.origin, treeSize: row.treeSize, rootHash: Buffer.from(row.rootHash, 'hex'), note: row.note };
}
