import { X509Certificate, type KeyObject } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { HUB_CODE, GATEWAY_CODE } from '@bureaunet/contracts';
import {
  decryptEnvelopeContent,
  generateBureauKeys,
  parseEnvelope,
  sealEnvelope,
  verifyEnvelopeSignature,
  type BureauKeys,
} from '@bureaunet/crypto';
import { SentMessageView, startTestNetwork, waitFor, type TestNetwork } from '@bureaunet/testing';
import { formatValue, publishBenchReport, ratioTo, type BenchFigure } from './bench-report';
import { FleetBureau, fleetDataDir, type FleetArrival } from './recipient-fleet';

/**
 * `npm run bench:broadcast`: the hub sends one `message` to 195 bureaus (a coordinator's alert to
 * every member has this shape). The registry, the gateway and the hub's node run as real
 * processes; the 195 recipients are an in-process fleet (recipient-fleet.ts) — 195 node processes
 * do not fit on two cores.
 */
const BUREAUS = Number(process.env.BENCH_BUREAUS ?? 195);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const WARM_UP = 1;
/** Enrolments at once: the registry signs two certificates per bureau. */
const ENROL_CONCURRENCY = 8;
const BODY = { text: 'x'.repeat(1500) };
/** A send the hub node never answers fails the run by name instead of hanging it. */
const SEND_TIMEOUT_MS = 60_000;
const GOAL_DELIVERED_MS = 50;
const GOAL_RECEIPTED_MS = 250;

/** Two-letter codes outside the user-assigned X* range (the hub's and the gateway's). */
function fleetCodes(count: number): string[] {
  const codes: string[] = [];
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWYZ'; // no X: XH and XG are the hub and the gateway
  for (const first of letters)
    for (const second of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') if (codes.length < count) codes.push(first + second);
  return codes.filter((code) => code !== HUB_CODE && code !== GATEWAY_CODE);
}

async function inBatches<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let index = 0; index < items.length; index += size)
    results.push(...(await Promise.all(items.slice(index, index + size).map(work))));
  return results;
}

/** The crypto of one broadcast on one core, with libs/crypto: seal once, then each recipient verifies, decrypts and signs a receipt. */
async function rawBroadcastCrypto(codes: readonly string[]): Promise<{ sealMs: number; wholeMs: number }> {
  const sender = await generateBureauKeys();
  const recipients: Array<{ code: string; keys: BureauKeys }> = await Promise.all(
    codes.map(async (code) => ({ code, keys: await generateBureauKeys() })),
  );
  const seals: number[] = [];
  const wholes: number[] = [];
  for (let round = 0; round < WARM_UP + ROUNDS; round += 1) {
    const start = performance.now();
    const now = new Date();
    const sealed = await sealEnvelope({
      payload: {
        id: crypto.randomUUID(),
        kind: 'message',
        from: HUB_CODE,
        to: [...codes],
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + 60_000).toISOString(),
        meta: {},
      },
      body: BODY,
      recipients: recipients.map(({ code, keys }) => ({ code, kid: code, key: keys.encryption.publicKey })),
      signer: { kid: 'hub', key: sender.signing.privateKey },
    });
    const sealedAt = performance.now();
    const parsed = parseEnvelope(sealed.serialized);
    for (const { code, keys } of recipients) {
      await verifyEnvelopeSignature(parsed, sender.signing.publicKey);
      await decryptEnvelopeContent(parsed, { code, kid: code, privateKey: keys.encryption.privateKey });
      await sealEnvelope({
        payload: {
          id: crypto.randomUUID(),
          kind: 'receipt',
          from: code,
          to: [HUB_CODE],
          createdAt: now.toISOString(),
          expiresAt: new Date(now.getTime() + 60_000).toISOString(),
          meta: { receiptFor: { id: parsed.payload.id, digest: parsed.digest } },
        },
        body: undefined,
        recipients: [],
        signer: { kid: code, key: keys.signing.privateKey },
      });
    }
    if (round >= WARM_UP) {
      seals.push(sealedAt - start);
      wholes.push(performance.now() - start);
    }
  }
  return { sealMs: median(seals), wholeMs: median(wholes) };
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const worst = (values: readonly number[]) => Math.max(...values);
const best = (values: readonly number[]) => Math.min(...values);
/** A round whose first delivery came this late waited on something other than work (see the findings). */
const STALL_MS = 1_000;

interface Round {
  acceptedMs: number;
  firstMs: number;
  halfMs: number;
  deliveredMs: number;
  receiptedMs: number;
  bytes: number;
}

async function hubSigningKey(network: TestNetwork): Promise<KeyObject> {
  const response = await fetch(`${network.registry.url}/api/directory/${HUB_CODE}`);
  if (!response.ok) throw new Error(`directory entry of ${HUB_CODE}: HTTP ${response.status}`);
  const { signingCertificate } = (await response.json()) as { signingCertificate?: string };
  if (!signingCertificate) throw new Error(`the directory has no signing certificate for ${HUB_CODE}`);
  return new X509Certificate(signingCertificate).publicKey;
}

async function broadcastRound(
  network: TestNetwork,
  codes: readonly string[],
  arrivals: Map<string, FleetArrival[]>,
): Promise<Round> {
  const hub = network.api(HUB_CODE);
  const start = performance.now();
  const { id } = await Promise.race([
    hub.send({ kind: 'message', to: [...codes], body: BODY }),
    new Promise<never>((_, reject) =>
      setTimeout(
        () => reject(new Error(`the hub did not answer the send within ${SEND_TIMEOUT_MS} ms`)),
        SEND_TIMEOUT_MS,
      ).unref(),
    ),
  ]);
  const acceptedMs = performance.now() - start;
  const long = { timeoutMs: 120_000, intervalMs: 1 };
  const seen = await waitFor(() => (arrivals.get(id)?.length === codes.length ? arrivals.get(id) : undefined), {
    what: `all ${codes.length} deliveries of ${id}`,
    ...long,
  });
  const offsets = seen.map((arrival) => arrival.at - start).sort((a, b) => a - b);
  const deliveredMs = offsets[offsets.length - 1];
  await waitFor(
    async () => {
      const view = await hub.message<SentMessageView>(id);
      return (
        view.recipients.length === codes.length && view.recipients.every((recipient) => recipient.state === 'receipted')
      );
    },
    { what: `all ${codes.length} receipts of ${id} at the hub`, ...long, intervalMs: 5 },
  );
  const receiptedMs = performance.now() - start;
  return {
    acceptedMs,
    firstMs: offsets[0],
    halfMs: offsets[Math.floor(offsets.length / 2)],
    deliveredMs,
    receiptedMs,
    bytes: seen[0].bytes,
  };
}

async function main(): Promise<void> {
  const codes = fleetCodes(BUREAUS);
  const raw = await rawBroadcastCrypto(codes);
  const network = await startTestNetwork([HUB_CODE], {}, { brokerIsolation: true, bureausWithoutNode: codes });
  const fleet: FleetBureau[] = [];
  const errors: Error[] = [];
  const rounds: Round[] = [];
  try {
    const enrolStart = performance.now();
    fleet.push(
      ...(await inBatches(codes, ENROL_CONCURRENCY, (code) =>
        FleetBureau.enrol(network, code, fleetDataDir(network, code)),
      )),
    );
    const enrolSeconds = (performance.now() - enrolStart) / 1000;
    const senderKey = await hubSigningKey(network);
    const arrivals = new Map<string, FleetArrival[]>();
    const onArrival = (arrival: FleetArrival) =>
      arrivals.set(arrival.envelopeId, [...(arrivals.get(arrival.envelopeId) ?? []), arrival]);
    await inBatches(fleet, ENROL_CONCURRENCY * 4, (bureau) =>
      bureau.start(
        () => senderKey,
        onArrival,
        (error) => errors.push(error),
      ),
    );
    console.log(`${codes.length} fleet bureaus enrolled in ${enrolSeconds.toFixed(1)} s and bound to their consumers`);
    for (let round = 0; round < WARM_UP + ROUNDS; round += 1) {
      const result = await broadcastRound(network, codes, arrivals);
      if (errors.length > 0) throw new Error(`a fleet bureau refused a delivery: ${errors[0].message}`);
      if (round >= WARM_UP) rounds.push(result);
    }
    // BENCH_SERVICE_OUTPUT=1 (with LOG_LEVEL=info for more) prints what the services said: where a round waits.
    if (process.env.BENCH_SERVICE_OUTPUT) console.log(network.output(Number(process.env.BENCH_SERVICE_OUTPUT)));
  } catch (error) {
    console.error(network.output());
    throw error;
  } finally {
    await Promise.all(fleet.map((bureau) => bureau.stop()));
    await network.teardown();
  }
  const sealBaseline: BenchFigure = {
    name: `raw seal of one envelope to ${codes.length} recipients (one content encryption, ${codes.length} key wraps), one core`,
    value: raw.sealMs,
    unit: 'ms',
    baseline: true,
  };
  const wholeBaseline: BenchFigure = {
    name: `raw crypto of the whole broadcast (seal, then ${codes.length} × verify, decrypt, sign a receipt), one core`,
    value: raw.wholeMs,
    unit: 'ms',
    baseline: true,
  };
  const of = (pick: (round: Round) => number) => rounds.map(pick);
  const delivered = of((round) => round.deliveredMs);
  const receipted = of((round) => round.receiptedMs);
  const accepted = of((round) => round.acceptedMs);
  const stalled = rounds.filter((round) => round.firstMs > STALL_MS).length;
  publishBenchReport({
    title: `A broadcast to ${codes.length} bureaus`,
    command: 'npm run bench:broadcast',
    setup:
      `A real nats-server (broker isolation: one user per party) and the real registry, gateway, evaluator and hub node (${HUB_CODE}) as processes. ` +
      `${codes.length} recipient bureaus are enrolled through the registry's admin API (one-time tokens, keys made in the benchmark, certificates from the registry CA) and run as an in-process fleet: ` +
      `each binds its own delivery consumer with its own broker user, verifies the hub's signature, decrypts its own entry, signs a receipt with libs/crypto and publishes it on its own submission subject, as a node does — but without a node's SQLite commit. ` +
      `The hub sends one \`message\` (~2 KB body) to all of them over its HTTP API; ${ROUNDS} broadcasts after ${WARM_UP} warm-up, median and worst. ` +
      `"Delivered" is the last fleet arrival (verified and decrypted); "receipted" is when the hub's view of the message shows every recipient receipted.`,
    figures: [
      sealBaseline,
      wholeBaseline,
      { name: 'envelope size', value: rounds[0].bytes, unit: 'bytes' },
      {
        name: 'send call answered by the hub node (sealed, stored), median',
        value: median(accepted),
        unit: 'ms',
        against: ratioTo(sealBaseline, median(accepted)),
      },
      { name: 'send → first delivered, median', value: median(of((round) => round.firstMs)), unit: 'ms' },
      { name: 'send → half delivered, median', value: median(of((round) => round.halfMs)), unit: 'ms' },
      {
        name: 'send → all delivered, median',
        value: median(delivered),
        unit: 'ms',
        against: ratioTo(wholeBaseline, median(delivered)),
        goal: { text: `< ${GOAL_DELIVERED_MS} ms`, met: median(delivered) < GOAL_DELIVERED_MS },
      },
      {
        name: 'send → all delivered, worst',
        value: worst(delivered),
        unit: 'ms',
        goal: { text: `< ${GOAL_DELIVERED_MS} ms`, met: worst(delivered) < GOAL_DELIVERED_MS },
      },
      {
        name: 'send → all receipted at the hub, median',
        value: median(receipted),
        unit: 'ms',
        against: ratioTo(wholeBaseline, median(receipted)),
        goal: { text: `< ${GOAL_RECEIPTED_MS} ms`, met: median(receipted) < GOAL_RECEIPTED_MS },
      },
      {
        name: 'send → all receipted at the hub, worst',
        value: worst(receipted),
        unit: 'ms',
        goal: { text: `< ${GOAL_RECEIPTED_MS} ms`, met: worst(receipted) < GOAL_RECEIPTED_MS },
      },
    ],
    findings: [
      `The fleet's crypto (${codes.length} × verify, decrypt, sign) runs on the benchmark's own core; the raw-crypto baseline is its one-core floor for "delivered" plus "receipted".`,
      `Best round: all delivered in ${formatValue(best(delivered))} ms, all receipted in ${formatValue(best(receipted))} ms (${ROUNDS} rounds after ${WARM_UP} warm-up).`,
      ...(stalled > 0
        ? [
            `${stalled} of ${ROUNDS} rounds waited more than ${STALL_MS / 1000} s before the first delivery (median ${formatValue(median(of((round) => round.firstMs)))} ms), after which all ${codes.length} arrived within ${formatValue(median(of((round) => round.deliveredMs - round.firstMs)))} ms: the time is not work. ` +
              'In the run of 2026-12-02 (LOG_LEVEL=info BENCH_SERVICE_OUTPUT=100000 print the services\' lines) the gateway showed why: its submission consumer (libs/transport consume() with max_bytes 8 MiB) stops receiving after the previous round\'s burst of 195 receipts and resumes only at "2 heartbeats missed" (~30–40 s later); the envelope is then decided and delivered at once. ' +
              'What would close it: find why the pull stalls (byte-based pull accounting after a burst; try max_messages with max_bytes, or a shorter idle heartbeat so a stuck pull is replaced in a second) in libs/transport, with a test that sends a burst and then one more message.',
          ]
        : []),
    ],
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
