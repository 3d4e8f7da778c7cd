import { performance } from 'node:perf_hooks';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { HUB_CODE } from '@bureaunet/contracts';
import {
  decryptEnvelopeContent,
  generateBureauKeys,
  parseEnvelope,
  sealEnvelope,
  verifyEnvelopeSignature,
} from '@bureaunet/crypto';
import { SentMessageView, TestNetwork, startNatsServer, startTestNetwork, waitFor } from '@bureaunet/testing';

/**
 * `npm run bench`: the whole exchange (HTTP → seal → JetStream → gateway → JetStream → verify,
 * decrypt, store → receipt → gateway → sender) against what it is made of, measured in the same
 * run: raw JetStream publishes and the raw envelope crypto.
 */
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 2000);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 32);
const BODY = { text: 'x'.repeat(1500) }; // ~2 KB envelope, as in DESIGN's baseline

async function rawJetStream(): Promise<{ awaited: number; inFlight: number }> {
  const server = await startNatsServer();
  const nc = await connect({ servers: server.url });
  try {
    const jsm = await jetstreamManager(nc);
    await jsm.streams.add({ name: 'BENCH', subjects: ['bench.>'] });
    const js = jetstream(nc);
    const payload = new Uint8Array(2048);
    const count = 3000;
    let start = performance.now();
    for (let index = 0; index < count; index += 1) await js.publish('bench.a', payload, { msgID: `a${index}` });
    const awaited = count / ((performance.now() - start) / 1000);
    start = performance.now();
    for (let index = 0; index < count; index += 256) {
      await Promise.all(
        Array.from({ length: Math.min(256, count - index) }, (_, offset) =>
          js.publish('bench.b', payload, { msgID: `b${index + offset}` }),
        ),
      );
    }
    return { awaited, inFlight: count / ((performance.now() - start) / 1000) };
  } finally {
    await nc.close();
    await server.stop();
  }
}

async function rawCrypto(): Promise<number> {
  const sender = await generateBureauKeys();
  const recipient = await generateBureauKeys();
  const count = 1000;
  const start = performance.now();
  for (let index = 0; index < count; index += 1) {
    const now = new Date();
    const sealed = await sealEnvelope({
      payload: {
        id: crypto.randomUUID(),
        kind: 'message',
        from: 'DK',
        to: ['MR'],
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + 60_000).toISOString(),
        meta: {},
      },
      body: BODY,
      recipients: [{ code: 'MR', kid: 'mr', key: recipient.encryption.publicKey }],
      signer: { kid: 'dk', key: sender.signing.privateKey },
    });
    const parsed = parseEnvelope(sealed.serialized);
    await verifyEnvelopeSignature(parsed, sender.signing.publicKey); // gateway
    await verifyEnvelopeSignature(parsed, sender.signing.publicKey); // recipient, end to end
    await decryptEnvelopeContent(parsed, { code: 'MR', kid: 'mr', privateKey: recipient.encryption.privateKey });
  }
  return count / ((performance.now() - start) / 1000);
}

async function wholeExchange(
  network: TestNetwork,
): Promise<{ accepted: number; delivered: number; receipted: number; p50: number; p95: number }> {
  const dk = network.api('DK');
  const mr = network.api('MR');
  const latencies: number[] = [];
  for (let index = 0; index < 50; index += 1) {
    const start = performance.now();
    const { id } = await dk.send({ kind: 'message', to: ['MR'], body: BODY });
    await waitFor(async () => (await dk.message<SentMessageView>(id)).recipients[0]?.state === 'receipted', {
      what: 'receipt',
      intervalMs: 2,
    });
    latencies.push(performance.now() - start);
  }
  latencies.sort((a, b) => a - b);

  const ids = new Set<string>();
  const start = performance.now();
  for (let index = 0; index < MESSAGES; index += IN_FLIGHT) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(IN_FLIGHT, MESSAGES - index) }, () =>
        dk.send({ kind: 'message', to: ['MR'], body: BODY }),
      ),
    );
    batch.forEach(({ id }) => ids.add(id));
  }
  const acceptedAt = performance.now();
  // Probe cheaply (one id at a time, the last sent) so the measurement does not load the recipient; count once at the end.
  const last = [...ids].slice(-IN_FLIGHT);
  for (const id of last)
    await waitFor(
      () =>
        mr.message(id).then(
          () => true,
          () => false,
        ),
      { what: 'last batch delivered', timeoutMs: 600_000, intervalMs: 50 },
    );
  await waitFor(async () => (await mr.inbox(5000)).items.filter((item) => ids.has(item.id)).length === MESSAGES, {
    what: 'all delivered',
    timeoutMs: 600_000,
    intervalMs: 200,
  });
  const deliveredAt = performance.now();
  for (const id of last) {
    await waitFor(async () => (await dk.message<SentMessageView>(id)).recipients[0]?.state === 'receipted', {
      what: 'receipts',
      timeoutMs: 600_000,
      intervalMs: 50,
    });
  }
  const receiptedAt = performance.now();
  const rate = (until: number) => MESSAGES / ((until - start) / 1000);
  return {
    accepted: rate(acceptedAt),
    delivered: rate(deliveredAt),
    receipted: rate(receiptedAt),
    p50: latencies[24],
    p95: latencies[47],
  };
}

async function main(): Promise<void> {
  const js = await rawJetStream();
  const cryptoRate = await rawCrypto();
  const network = await startTestNetwork([HUB_CODE, 'MR', 'DK']);
  try {
    const exchange = await wholeExchange(network);
    const row = (name: string, value: string, note = '') =>
      console.log(`${name.padEnd(46)} ${value.padStart(12)}  ${note}`);
    console.log(
      `bureaunet exchange benchmark — ${MESSAGES} messages DK→MR, ${IN_FLIGHT} in flight over HTTP, ~2 KB envelopes`,
    );
    row('raw JetStream publish, awaited one by one', `${js.awaited.toFixed(0)}/s`, 'baseline');
    row('raw JetStream publish, 256 in flight', `${js.inFlight.toFixed(0)}/s`, 'baseline');
    row('raw envelope crypto (seal, 2× verify, decrypt)', `${cryptoRate.toFixed(0)}/s`, 'baseline, one core');
    row(
      'exchange: accepted by the sender node',
      `${exchange.accepted.toFixed(0)}/s`,
      `${(exchange.accepted / js.awaited).toFixed(2)}× awaited JetStream`,
    );
    row(
      'exchange: delivered into the recipient inbox',
      `${exchange.delivered.toFixed(0)}/s`,
      `${(exchange.delivered / js.awaited).toFixed(2)}× awaited JetStream, ${(exchange.delivered / cryptoRate).toFixed(2)}× raw crypto`,
    );
    row(
      'exchange: receipted back at the sender',
      `${exchange.receipted.toFixed(0)}/s`,
      `${(exchange.receipted / cryptoRate).toFixed(2)}× raw crypto`,
    );
    row('one message, send → receipt, p50', `${exchange.p50.toFixed(1)} ms`);
    row('one message, send → receipt, p95', `${exchange.p95.toFixed(1)} ms`);
  } finally {
    await network.teardown();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
