import { ConsoleEventBus } from '../console-events/console-event.bus';
import { randomUUID } from 'node:crypto';
import { GATEWAY_CODE, type DeliveryReport } from '@bureaunet/contracts';
import { CryptoError, generateBureauKeys, signDeliveryReport, type BureauKeys } from '@bureaunet/crypto';
import type { DirectoryClient, VerifiedKey } from '@bureaunet/directory';
import type { SerialWriter } from '@bureaunet/persistence';
import type { RejectedDeliveryService } from '../delivery/rejected-delivery.service';
import type { NodeConfig } from '../node.config';
import { DeliveryReportService } from './delivery-report.service';
import type { SentMessageRepository } from '../store/sent-message.repository';

describe('DeliveryReportService: a report signed during the gateway’s renewal overlap', () => {
  let current: BureauKeys;
  let previous: BureauKeys;

  beforeAll(async () => {
    [current, previous] = [await generateBureauKeys(), await generateBureauKeys()];
  });

  const key = (keys: BureauKeys, kid: string) =>
    ({ code: GATEWAY_CODE, kid, key: keys.signing.publicKey }) as VerifiedKey;
  const report = (): DeliveryReport => ({
    v: 1,
    kind: 'delivery-report',
    envelopeId: randomUUID(),
    to: 'MR',
    createdAt: new Date().toISOString(),
    status: 'accepted',
    recipients: [],
  });

  function serviceWith(signingKeyByKid: (code: string, kid: string) => Promise<VerifiedKey>) {
    const directory = {
      signingKey: jest.fn(() => Promise.resolve(key(current, 'current-kid'))),
      signingKeyByKid: jest.fn(signingKeyByKid),
    };
    const sent = { findHead: jest.fn(() => Promise.resolve(null)) };
    const rejected = { record: jest.fn(() => Promise.resolve()) };
    const service = new DeliveryReportService(
      directory as unknown as DirectoryClient,
      sent as unknown as SentMessageRepository,
      rejected as unknown as RejectedDeliveryService,
      {} as SerialWriter,
      { code: 'MR' } as NodeConfig,
      { now: () => new Date() },
      new ConsoleEventBus(),
    );
    return { service, directory, sent, rejected };
  }

  it('opens a report signed with the previous key the directory still honours', async () => {
    const { service, directory, sent, rejected } = serviceWith(() => Promise.resolve(key(previous, 'previous-kid')));
    const signed = report();
    await service.receive(
      Buffer.from(await signDeliveryReport(signed, { kid: 'previous-kid', key: previous.signing.privateKey })),
      undefined,
    );
    expect(directory.signingKeyByKid).toHaveBeenCalledWith(GATEWAY_CODE, 'previous-kid');
    expect(rejected.record).not.toHaveBeenCalled();
    // Opened: it went on to look for the envelope it reports on.
    expect(sent.findHead).toHaveBeenCalledWith(signed.envelopeId);
  });

  it('rejects, with the directory’s reason, a report signed with a key it does not honour', async () => {
    const refusal = new CryptoError('certificate-invalid', "kid stranger-kid is not XG's current signing certificate");
    const { service, rejected, sent } = serviceWith(() => Promise.reject(refusal));
    await service.receive(
      Buffer.from(await signDeliveryReport(report(), { kid: 'stranger-kid', key: previous.signing.privateKey })),
      'msg-1',
    );
    expect(rejected.record).toHaveBeenCalledWith({
      raw: expect.any(Buffer),
      refusal: { code: 'certificate-invalid', message: refusal.message },
      facts: { from: GATEWAY_CODE, msgId: 'msg-1' },
    });
    expect(sent.findHead).not.toHaveBeenCalled();
  });

  it('does not consult previous keys for a report signed with the current one', async () => {
    const { service, directory, rejected } = serviceWith(() => Promise.reject(new Error('not expected')));
    await service.receive(
      Buffer.from(await signDeliveryReport(report(), { kid: 'current-kid', key: current.signing.privateKey })),
      undefined,
    );
    expect(directory.signingKeyByKid).not.toHaveBeenCalled();
    expect(rejected.record).not.toHaveBeenCalled();
  });
});
