import { Module } from '@nestjs/common';
import { DiffusionService } from '../diffusion/diffusion.service';
import { NoticeService } from '../notice/notice.service';
import { OutboxModule } from '../outbox/outbox.module';
import { StoreModule } from '../store/store.module';
import { NoticeRequestIntake } from '../workflow/notice-request.intake';
import { DatabasesModule } from './databases/databases.module';
import { DiffusionReviewController } from './diffusion-review.controller';
import { DiffusionReviewService } from './diffusion-review.service';
import { HubDiffusionService } from './hub-diffusion.service';
import { HubNoticeService } from './hub-notice.service';
import { ReviewQueueIntake } from './review-queue.intake';

/**
 * What only the hub does, mounted on the hub's node only: the review queue of notice requests,
 * publication, updates and cancellation of notices, review and withdrawal of diffusions; the databases service
 * (the travel-document index and its replica feed).
 */
@Module({
  imports: [StoreModule, OutboxModule, DatabasesModule],
  controllers: [DiffusionReviewController],
  providers: [
    DiffusionReviewService,
    { provide: NoticeService, useClass: HubNoticeService },
    { provide: DiffusionService, useClass: HubDiffusionService },
    { provide: NoticeRequestIntake, useClass: ReviewQueueIntake },
  ],
  exports: [NoticeService, DiffusionService, NoticeRequestIntake, DatabasesModule],
})
export class HubModule {}
