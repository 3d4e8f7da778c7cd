import { Injectable } from '@nestjs/common';
import { MAX_ENVELOPE_BYTES } from '@bureaunet/crypto';
import { deliveryLane } from '../delivery/delivery-lane';
import { InboxService } from '../inbox/inbox.service';
import { DeliveryReportService } from '../outbox/delivery-report.service';

/**
 * Where each delivery goes. The gateway's reports on our envelopes share bn.deliver.<code> with the
 * envelopes (the broker permissions and the gateway rely on that subject), so the JWS typ decides:
 * a report to the outbox, anything else to the inbox, which verifies envelopes and receipts alike
 * and refuses what is neither.
 *
 * The consumer hands over several deliveries at once (node.app.ts), in stream order. Reports and
 * receipts run side by side (see deliveryLane); every other envelope waits until the one before it
 * has settled, as when deliveries came one at a time. The chain is as long as the consumer's
 * concurrency at most.
 */
@Injectable()
export class ArrivalRouter {
  private inOrder: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly inbox: InboxService,
    private readonly reports: DeliveryReportService,
  ) {}

  route(raw: Buffer, msgId: string | undefined): Promise<void> {
    const lane = deliveryLane(raw, MAX_ENVELOPE_BYTES);
    if (lane === 'report') return this.reports.receive(raw, msgId);
    if (lane === 'receipt') return this.inbox.receive(raw, msgId);
    const turn = this.inOrder.then(() => this.inbox.receive(raw, msgId));
    // The next one waits for this one to settle, whether it succeeded or not (a failure is naked).
    this.inOrder = turn.catch(() => undefined);
    return turn;
  }
}
