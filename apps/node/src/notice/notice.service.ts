import { DomainError } from '@bureaunet/contracts';
import type { Repository } from 'typeorm';
import type { NoticeRequestEntity } from '../store/notice-request.entity';
import type { NoticeEntity } from '../store/notice.entity';
import type { NoticeFieldsDto, NoticeStepDto, RequestNoticeDto } from './notice.dto';

/**
 * The notice routes. A bureau asks the hub (BureauNoticeService, bureau/); the hub reviews,
 * publishes, updates and cancels (HubNoticeService, hub/). The node module mounts one of them.
 */
export abstract class NoticeService {
  protected constructor(
    protected readonly notices: Repository<NoticeEntity>,
    protected readonly requests: Repository<NoticeRequestEntity>,
  ) {}

  abstract request(dto: RequestNoticeDto): Promise<NoticeStepDto>;

  /** The hub cancels at once; a bureau asks the hub to cancel a notice it owns. */
  abstract cancel(number: string, reason: string): Promise<NoticeStepDto>;

  abstract reviewQueue(): Promise<NoticeRequestEntity[]>;

  abstract approve(id: string): Promise<NoticeStepDto>;

  abstract refuse(id: string, reason: string): Promise<NoticeStepDto>;

  abstract update(number: string, changes: NoticeFieldsDto): Promise<NoticeStepDto>;

  listRequests(): Promise<NoticeRequestEntity[]> {
    return this.requests.find({ order: { receivedAt: 'DESC', id: 'DESC' }, take: 500 });
  }

  protected async notice(number: string): Promise<NoticeEntity> {
    const held = await this.notices.findOneBy({ number });
    if (!held) throw new DomainError('notice-not-found', `no notice ${number} is held here`, 'not-found');
    return held;
  }
}
