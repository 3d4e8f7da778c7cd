import { DELIVERY_REPORT_TYP, ENVELOPE_TYP, type DeliveryReport } from '@bureaunet/contracts';
import { generateBureauKeys, type BureauKeys } from './bureau-keys';
import { openDeliveryReport, signDeliveryReport } from './delivery-report.signer';
import { decodeJson64, encodeJson64, handBuiltJws, signArbitraryJws } from './testing/forged-jws.fixture';

describe('delivery reports', () => {
  let gateway: BureauKeys;
  let other: BureauKeys;
  const signer = () => ({ kid: 'gateway-2026', key: gateway.signing.privateKey });

  const report: DeliveryReport = {
    v: 1,
    kind: 'delivery-report',
    envelopeId: '0190f0a4-0000-7000-8000-000000000000',
    envelopeDigest: 'A'.repeat(43),
    to: 'MR',
    createdAt: '2026-11-25T15:00:00.000Z',
    status: 'accepted',
    recipients: [
      { code: 'FR', status: 'delivered' },
      {
        code: 'DE',
        status: 'refused',
        refusal: { code: 'policy-denied', message: 'DE does not accept diffusions from MR', rule: 'bilateral-de-mr' },
      },
    ],
  };

  beforeAll(async () => {
    [gateway, other] = await Promise.all([generateBureauKeys(), generateBureauKeys()]);
  });

  it('round-trips: signed by the gateway, opened with its public key', async () => {
    const serialized = await signDeliveryReport(report, signer());
    expect(decodeJson64(JSON.parse(serialized).protected)).toEqual({
      alg: 'EdDSA',
      kid: 'gateway-2026',
      typ: DELIVERY_REPORT_TYP,
    });
    await expect(openDeliveryReport(serialized, gateway.signing.publicKey)).resolves.toEqual({
      report,
      kid: 'gateway-2026',
    });
    await expect(
      openDeliveryReport(new TextEncoder().encode(serialized), gateway.signing.publicKey),
    ).resolves.toMatchObject({ report });
  });

  it('refuses a tampered report: bad-signature', async () => {
    const jws = JSON.parse(await signDeliveryReport(report, signer())) as { payload: string };
    const tampered = JSON.stringify({
      ...jws,
      payload: encodeJson64({ ...decodeJson64(jws.payload), status: 'refused' }),
    });
    await expect(openDeliveryReport(tampered, gateway.signing.publicKey)).rejects.toMatchObject({
      code: 'bad-signature',
      message: expect.stringContaining('delivery report signature does not verify'),
    });
  });

  it('refuses a report signed by another key: bad-signature', async () => {
    const serialized = await signDeliveryReport(report, { kid: 'gateway-2026', key: other.signing.privateKey });
    await expect(openDeliveryReport(serialized, gateway.signing.publicKey)).rejects.toMatchObject({
      code: 'bad-signature',
    });
  });

  it('refuses an invalid report before signing it: malformed-envelope naming the field', async () => {
    await expect(signDeliveryReport({ ...report, to: 'mr' }, signer())).rejects.toMatchObject({
      code: 'malformed-envelope',
      message: expect.stringContaining('report.to: must be a two-letter'),
    });
  });

  it('refuses an envelope-typed JWS signed by the gateway key (no type confusion)', async () => {
    const jws = await signArbitraryJws(
      { alg: 'EdDSA', kid: 'gateway-2026', typ: ENVELOPE_TYP },
      report,
      gateway.signing.privateKey,
    );
    await expect(openDeliveryReport(JSON.stringify(jws), gateway.signing.publicKey)).rejects.toMatchObject({
      code: 'malformed-envelope',
      message: `JWS typ "${ENVELOPE_TYP}" is not ${DELIVERY_REPORT_TYP}`,
    });
  });

  it('refuses a signed payload that is not a report: malformed-envelope', async () => {
    const jws = await signArbitraryJws(
      { alg: 'EdDSA', kid: 'g', typ: DELIVERY_REPORT_TYP },
      { ...report, status: 'lost' },
      gateway.signing.privateKey,
    );
    await expect(openDeliveryReport(JSON.stringify(jws), gateway.signing.publicKey)).rejects.toMatchObject({
      code: 'malformed-envelope',
      message: expect.stringContaining('report.status'),
    });
  });

  it('applies the same algorithm and crit refusals as envelopes', async () => {
    const none = handBuiltJws({ alg: 'none', kid: 'g', typ: DELIVERY_REPORT_TYP }, report);
    await expect(openDeliveryReport(none, gateway.signing.publicKey)).rejects.toMatchObject({
      code: 'unsupported-algorithm',
      message: expect.stringContaining('"none" is not allowed'),
    });
    const hs256 = handBuiltJws({ alg: 'HS256', kid: 'g', typ: DELIVERY_REPORT_TYP }, report);
    await expect(openDeliveryReport(hs256, gateway.signing.publicKey)).rejects.toMatchObject({
      code: 'unsupported-algorithm',
    });
    const crit = handBuiltJws({ alg: 'EdDSA', kid: 'g', typ: DELIVERY_REPORT_TYP, crit: ['exp'], exp: 1 }, report);
    await expect(openDeliveryReport(crit, gateway.signing.publicKey)).rejects.toMatchObject({
      code: 'unsupported-critical-header',
    });
    await expect(openDeliveryReport('x'.repeat(2_000_000), gateway.signing.publicKey)).rejects.toMatchObject({
      code: 'too-large',
    });
  });
});
