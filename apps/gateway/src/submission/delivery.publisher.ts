import { Injectable } from '@nestjs/common';
import { deliverSubject } from '@bureaunet/contracts';
import { BusClient } from '@bureaunet/transport';

/**
 * Puts deliveries and reports on the recipients' durable streams. Message ids make a second
 * publish of the same thing (after a crash between commit and ack) a no-op in JetStream.
 */
@Injectable()
export class DeliveryPublisher {
  constructor(private readonly bus: BusClient) {}

  async deliver(envelopeId: string, raw: Uint8Array, recipients: readonly string[]): Promise<void> {
    await Promise.all(
      recipients.map((code) => this.bus.publish(deliverSubject(code), raw, { msgId: `${envelopeId}:${code}` })),
    );
  }

  async report(sender: string, reportId: string, signedReport: string): Promise<void> {
    await this.bus.publish(deliverSubject(sender), signedReport, { msgId: `${reportId}:report` });
  }
}
