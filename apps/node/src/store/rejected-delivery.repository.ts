import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Not, IsNull, type EntityManager, type Repository } from 'typeorm';
import { RejectedDeliveryEntity } from './rejected-delivery.entity';

export type RejectedDeliveryRecord = Omit<RejectedDeliveryEntity, 'seq'>;

@Injectable()
export class RejectedDeliveryRepository {
  constructor(
    @InjectRepository(RejectedDeliveryEntity) private readonly rejected: Repository<RejectedDeliveryEntity>,
  ) {}

  async insert(manager: EntityManager, record: RejectedDeliveryRecord): Promise<void> {
    await manager.insert(RejectedDeliveryEntity, record);
  }

  /** Whether this envelope (id and digest) was already answered with a signed rejection. */
  isAnswered(manager: EntityManager, envelopeId: string, digest: string): Promise<boolean> {
    return manager.existsBy(RejectedDeliveryEntity, { envelopeId, digest, rejectionId: Not(IsNull()) });
  }

  listNewestFirst(options: { limit: number }): Promise<RejectedDeliveryEntity[]> {
    return this.rejected.find({ order: { seq: 'DESC' }, take: options.limit });
  }
}
