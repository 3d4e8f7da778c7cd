import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { RejectedDeliveryEntity } from './rejected-delivery.entity';

export type RejectedDeliveryRecord = Omit<RejectedDeliveryEntity, 'seq'>;

@Injectable()
export class RejectedDeliveryRepository {
  constructor(@InjectRepository(RejectedDeliveryEntity) private readonly rejected: Repository<RejectedDeliveryEntity>) {}

  async insert(manager: EntityManager, record: RejectedDeliveryRecord): Promise<void> {
    await manager.insert(RejectedDeliveryEntity, record);
  }

  listNewestFirst(options: { limit: number }): Promise<RejectedDeliveryEntity[]> {
    return this.rejected.find({ order: { seq: 'DESC' }, take: options.limit });
  }
}
