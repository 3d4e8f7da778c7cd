import { Injectable } from '@nestjs/common';
import { deliverSubject } from '@bureaunet/contracts';
import { BusClient } from '@bureaunet/transport';

/** What one submission puts on the streams: its deliveries (if any) and the sender's signed report. */
export interface Dispatch {
  envelopeId: string;
  /** The envelope as received, for each recipient it is delivered to. */
  deliveries?: { raw: Uint8Array; recipients: readonly string[] };
  sender: string;
  /** Names the report for JetStream's dedupe (`<reportId>:report`). */
  reportId: string;
  report: string;
}

/** Publishes already on the connection; `stored` settles once JetStream has stored every one. */
export interface PublishesInFlight {
  readonly stored: Promise<void>;
}

/**
 * Puts deliveries and reports on the recipients' durable streams. Message ids make a second
 * publish of the same thing (after a crash between commit and ack) a no-op in JetStream.
 */
@Injectable()
export class DeliveryPublisher {
  constructor(private readonly bus: BusClient) {}

  /**
   * Starts every publish of one submission at once, in the order called (deliveries, then the
   * report), and awaits their acks together: a broadcast to 195 bureaus is one round trip, not 195.
   */
  dispatch({ envelopeId, deliveries, sender, reportId, report }: Dispatch): PublishesInFlight {
    const publishes = (deliveries?.recipients ?? []).map((code) =>
      this.bus.publish(deliverSubject(code), deliveries!.raw, { msgId: `${envelopeId}:${code}` }),
    );
    publishes.push(this.bus.publish(deliverSubject(sender), report, { msgId: `${reportId}:report` }));
    const stored = Promise.all(publishes).then(() => undefined);
    // Awaited by the caller after its turn; marked handled so a failure is not reported twice.
    stored.catch(() => undefined);
    return { stored };
  }
}
