import { Module } from '@nestjs/common';
import { DiffusionService } from '../diffusion/diffusion.service';
import { NoticeService } from '../notice/notice.service';
import { OutboxModule } from '../outbox/outbox.module';
import { StoreModule } from '../store/store.module';
import { BureauDiffusionService } from './bureau-diffusion.service';
import { BureauNoticeService } from './bureau-notice.service';

/** What a bureau's node does where the hub's differs: it asks the hub for notices, and copies it on diffusions. */
@Module({
  imports: [StoreModule, OutboxModule],
  providers: [
    { provide: NoticeService, useClass: BureauNoticeService },
    { provide: DiffusionService, useClass: BureauDiffusionService },
  ],
  exports: [NoticeService, DiffusionService],
})
export class BureauModule {}
