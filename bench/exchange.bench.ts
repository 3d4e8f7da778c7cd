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
import { startNatsServer, startTestNetwork } from '@bureaunet/testing';
import { publishBenchReport, ratioTo, type BenchFigure } from './bench-report';
import { measureExchange, type ExchangeFigures } from './exchange-run';

/**
 * `npm run bench:exchange`: the whole exchange (HTTP → seal → JetStream → gateway → JetStream →
 * verify, decrypt, store → receipt → gateway → sender), 1:1 and 1:3, against what it is made of,
 * measured in the same run: raw JetStream publishes and the raw envelope crypto.
 */
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 2000);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 32);
const LATENCY_SAMPLES = 100;
const BODY = { text: 'x'.repeat(1500) }; // ~2 KB envelope, as in DESIGN's baseline
const SENDER = 'DK';
const ONE = ['MR'];
const THREE = ['MR', 'FI', 'SE'];
const GOAL_RATE = 2000;
const GOAL_SHARE_OF_CRYPTO = 0.6;

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

/** One exchange's envelope crypto with libs/crypto on one core: seal, verify at the gateway, verify + decrypt at each recipient. */
async function rawCrypto(recipientCount: number): Promise<number> {
  const sender = await generateBureauKeys();
  const recipients = await Promise.all(
    Array.from({ length: recipientCount }, async (_, index) => ({
      code: `R${String.fromCharCode(65 + index)}`,
      keys: await generateBureauKeys(),
    })),
  );
  const count = Math.ceil(1000 / recipientCount);
  const start = performance.now();
  for (let index = 0; index < count; index += 1) {
    const now = new Date();
    const sealed = await sealEnvelope({
      payload: {
        id: crypto.randomUUID(),
        kind: 'message',
        from: SENDER,
        to: recipients.map(({ code }) => code),
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + 60_000).toISOString(),
        meta: {},
      },
      body: BODY,
      recipients: recipients.map(({ code, keys }) => ({ code, kid: code, key: keys.encryption.publicKey })),
      signer: { kid: 'dk', key: sender.signing.privateKey },
    });
    const parsed = parseEnvelope(sealed.serialized);
    await verifyEnvelopeSignature(parsed, sender.signing.publicKey); // gateway
    for (const { code, keys } of recipients) {
      await verifyEnvelopeSignature(parsed, sender.signing.publicKey); // recipient, end to end
      await decryptEnvelopeContent(parsed, { code, kid: code, privateKey: keys.encryption.privateKey });
    }
  }
  return count / ((performance.now() - start) / 1000);
}

function exchangeFigures(label: string, figures: ExchangeFigures, crypto: BenchFigure): BenchFigure[] {
  const share = figures.receipted / crypto.value;
  return [
    {
      name: `${label}: delivered into every recipient's inbox`,
      value: figures.delivered,
      unit: 'msgs/s',
      against: ratioTo(crypto, figures.delivered),
    },
    {
      name: `${label}: receipted by all, back at the sender`,
      value: figures.receipted,
      unit: 'msgs/s',
      against: ratioTo(crypto, figures.receipted),
      goal: { text: `≥ ${GOAL_RATE.toLocaleString('en-US')} msgs/s`, met: figures.receipted >= GOAL_RATE },
    },
    {
      name: `${label}: share of the raw-crypto ceiling`,
      value: share * 100,
      unit: '%',
      against: ratioTo(crypto, figures.receipted),
      goal: { text: `≥ ${GOAL_SHARE_OF_CRYPTO * 100} %`, met: share >= GOAL_SHARE_OF_CRYPTO },
    },
    { name: `${label}: one message, send → receipted by all, p50`, value: figures.p50, unit: 'ms' },
    { name: `${label}: one message, send → receipted by all, p99`, value: figures.p99, unit: 'ms' },
    ...[...figures.cpuPerMessage].map(([service, ms]) => ({
      name: `${label}: CPU of ${service}`,
      value: ms,
      unit: 'ms CPU/msg',
    })),
  ];
}

async function main(): Promise<void> {
  const js = await rawJetStream();
  const crypto1 = await rawCrypto(1);
  const crypto3 = await rawCrypto(THREE.length);
  const network = await startTestNetwork([HUB_CODE, SENDER, ...THREE]);
  let one: ExchangeFigures;
  let three: ExchangeFigures;
  try {
    const run = { body: BODY, latencySamples: LATENCY_SAMPLES, inFlight: IN_FLIGHT };
    one = await measureExchange(network, SENDER, ONE, MESSAGES, run);
    three = await measureExchange(network, SENDER, THREE, Math.ceil(MESSAGES / 2), run);
  } catch (error) {
    console.error(network.output());
    throw error;
  } finally {
    await network.teardown();
  }
  const awaited: BenchFigure = {
    name: 'raw JetStream publish, awaited one by one',
    value: js.awaited,
    unit: 'msgs/s',
    baseline: true,
  };
  const inFlight: BenchFigure = {
    name: 'raw JetStream publish, 256 in flight',
    value: js.inFlight,
    unit: 'msgs/s',
    baseline: true,
  };
  const raw1: BenchFigure = {
    name: 'raw envelope crypto 1:1 (seal, 2× verify, decrypt), one core',
    value: crypto1,
    unit: 'exchanges/s',
    baseline: true,
  };
  const raw3: BenchFigure = {
    name: 'raw envelope crypto 1:3 (seal, 4× verify, 3× decrypt), one core',
    value: crypto3,
    unit: 'exchanges/s',
    baseline: true,
  };
  const cpuLines = (label: string, figures: ExchangeFigures) => {
    const total = [...figures.cpuPerMessage.values()].reduce((sum, ms) => sum + ms, 0);
    const services = [...figures.cpuPerMessage].map(([service, ms]) => `${service} ${ms.toFixed(2)}`).join(', ');
    return (
      `${label}: ${services} ms CPU per message (/proc utime+stime over the throughput phase), ${total.toFixed(2)} ms in all: ` +
      `two cores (2,000 ms of CPU a second) carry at most ${Math.round(2000 / total).toLocaleString('en-US')} msgs/s at this cost; ` +
      `${GOAL_RATE.toLocaleString('en-US')} msgs/s needs ≤ ${(2000 / GOAL_RATE).toFixed(2)} ms in all.`
    );
  };
  publishBenchReport({
    title: 'The whole exchange',
    command: 'npm run bench:exchange',
    setup:
      `A real nats-server and the real services as separate processes (registry, gateway, evaluator, nodes ${[HUB_CODE, SENDER, ...THREE].join(', ')}), plain TCP. ` +
      `${MESSAGES.toLocaleString('en-US')} messages ${SENDER}→${ONE.join('')} (1:1) and ${Math.ceil(MESSAGES / 2).toLocaleString('en-US')} ${SENDER}→${THREE.join(',')} (1:3), ~2 KB bodies, sent over the node's HTTP API with ${IN_FLIGHT} requests in flight; ` +
      `a message counts once every recipient has it in its inbox (delivered) and once the sender sees every receipt (receipted). ` +
      `p50/p99 over ${LATENCY_SAMPLES} messages sent one at a time. Baselines in the same run: raw JetStream publishes of 2 KB, and the raw envelope crypto of one exchange through libs/crypto's public functions (node:crypto) on one core.`,
    figures: [
      awaited,
      { ...inFlight, against: ratioTo(awaited, js.inFlight) },
      raw1,
      raw3,
      ...exchangeFigures('1:1', one, raw1),
      ...exchangeFigures('1:3', three, raw3),
    ],
    findings: [cpuLines('1:1', one), cpuLines('1:3', three)],
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
