import { Injectable } from '@nestjs/common';
import { DEFAULT_PAGE_SIZE } from '../message/message.dto';
import type { RejectedDeliveryDto, RejectedQueryDto } from './inbox.dto';
import { RejectedDeliveryRepository } from '../store/rejected-delivery.repository';

/** GET /api/inbox/rejected: the stored refusals, newest first, without their bytes. */
@Injectable()
export class RejectedDeliveryListService {
  constructor(private readonly rejected: RejectedDeliveryRepository) {}

  async list(query: RejectedQueryDto): Promise<RejectedDeliveryDto[]> {
    const rows = await this.rejected.listNewestFirst({ limit: query.limit ?? DEFAULT_PAGE_SIZE });
    return rows.map(({ envelopeId, from, code, message, digest, receivedAt, rejectionId }) => ({
      envelopeId,
      from,
      code,
      message,
      digest,
      receivedAt,
      rejectionId,
    }));
  }
}
