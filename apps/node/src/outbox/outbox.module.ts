import { Module } from '@nestjs/common';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { RejectedDeliveryService } from '../delivery/rejected-delivery.service';
import { InheritedHandling } from '../handling/inherited-handling';
import { LocalLineage } from '../handling/local-lineage';
import { EnvelopeIdGenerator } from '../id/envelope-id.generator';
import { StoreModule } from '../store/store.module';
import { DeliveryReportService } from './delivery-report.service';
import { OutboxPublisher } from './outbox.publisher';
import { PublishedMarks } from './published.marks';
import { OutboxRepublisher } from './outbox.republisher';
import { OutboxSender } from './outbox.sender';
import { OutgoingEnvelopeFactory } from './outgoing-envelope.factory';
import { RecipientScopeDirectory } from './recipient-scope.directory';
import { RecipientResolver } from './recipient.resolver';

/** Everything that leaves this node (OutboxSender), its republishing, and the gateway's reports on it. */
@Module({
  imports: [StoreModule],
  providers: [
    { provide: EnvelopeIdGenerator, inject: [CLOCK], useFactory: (clock: Clock) => new EnvelopeIdGenerator(clock) },
    OutgoingEnvelopeFactory,
    RecipientResolver,
    RecipientScopeDirectory,
    LocalLineage,
    InheritedHandling,
    PublishedMarks,
    OutboxPublisher,
    OutboxSender,
    OutboxRepublisher,
    RejectedDeliveryService,
    DeliveryReportService,
  ],
  exports: [
    OutboxSender,
    LocalLineage,
    InheritedHandling,
    RecipientResolver,
    RejectedDeliveryService,
    DeliveryReportService,
    EnvelopeIdGenerator,
  ],
})
export class OutboxModule {}
