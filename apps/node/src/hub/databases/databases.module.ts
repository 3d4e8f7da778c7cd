import { Module } from '@nestjs/common';
import { StoreModule } from '../../store/store.module';
import { TravelDocumentRecordIntake } from '../../workflow/travel-document-record.intake';
import { DatabasesStatusController } from './databases-status.controller';
import { SltdConsumersProvisioner } from './sltd-consumers.provisioner';
import { SltdFeedKeeper } from './sltd-feed.keeper';
import { SltdJetStream } from './sltd-jetstream';
import { SltdRecordIntake } from './sltd-record.intake';
import { SltdResyncHandler } from './sltd-resync.handler';
import { SltdPublisher } from './sltd.publisher';

/**
 * The hub's databases service (docs/checks.md, "Records: from the issuer to every replica"): the
 * authoritative travel-document index, fed by the issuers' signed records, published on BN_SLTD with
 * every bureau's consumer and its resync.
 */
@Module({
  imports: [StoreModule],
  controllers: [DatabasesStatusController, SltdResyncHandler],
  providers: [
    SltdJetStream,
    SltdPublisher,
    SltdConsumersProvisioner,
    SltdFeedKeeper,
    { provide: TravelDocumentRecordIntake, useClass: SltdRecordIntake },
  ],
  exports: [TravelDocumentRecordIntake],
})
export class DatabasesModule {}
