import { Injectable } from '@nestjs/common';
import { DELIVERY_REPORT_TYP } from '@bureaunet/contracts';
import { MAX_ENVELOPE_BYTES } from '@bureaunet/crypto';
import { deliveryTyp } from '../delivery/delivery-typ';
import { InboxService } from '../inbox/inbox.service';
import { DeliveryReportService } from '../outbox/delivery-report.service';

/**
 * Where each delivery goes. The gateway's reports on our envelopes share bn.deliver.<code> with the
 * envelopes (the broker permissions and the gateway rely on that subject), so the JWS typ decides:
 * a report to the outbox, anything else to the inbox, which verifies envelopes and receipts alike
 * and refuses what is neither.
 */
@Injectable()
export class ArrivalRouter {
  constructor(
    private readonly inbox: InboxService,
    private readonly reports: DeliveryReportService,
  ) {}

  route(raw: Buffer, msgId: string | undefined): Promise<void> {
    if (deliveryTyp(raw, MAX_ENVELOPE_BYTES) === DELIVERY_REPORT_TYP) return this.reports.receive(raw, msgId);
    return this.inbox.receive(raw, msgId);
  }
}
