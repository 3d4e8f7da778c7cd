import { performance } from 'node:perf_hooks';
import * as cedar from '@cedar-policy/cedar-wasm/nodejs';
import type { EntityJson } from '@cedar-policy/cedar-wasm/nodejs';
import { HUB_CODE, type Declaration, type EnvelopeMeta, type MessageKind, type Operation } from '@bureaunet/contracts';
import {
  decryptEnvelopeContent,
  generateBureauKeys,
  parseEnvelope,
  sealEnvelope,
  verifyEnvelopeSignature,
  type BureauKeys,
} from '@bureaunet/crypto';
import {
  BUREAUNET_SCHEMA,
  DEFAULT_POLICIES,
  DEFAULT_RATE_LIMITS,
  PolicyEngine,
  type BureauFacts,
  type EnvelopeFacts,
  type EnvelopeLineage,
} from '@bureaunet/policy';
import { publishBenchReport, ratioTo, type BenchFigure } from './bench-report';

/**
 * `npm run bench:policy`: access decisions per second for a 196-bureau network with a few hundred
 * bilateral declarations, operations and data-owner restrictions, at three levels of preparation,
 * and the share of a message's end-to-end cost they take next to its crypto (libs/crypto, same run).
 */
const BUREAUS = 196;
const DECLARATIONS = Number(process.env.BENCH_DECLARATIONS ?? 400);
const OPERATIONS = 20;
const DECISIONS = Number(process.env.BENCH_DECISIONS ?? 20_000);
const NAIVE_DECISIONS = Number(process.env.BENCH_NAIVE_DECISIONS ?? 300);
const NOW = new Date();

/** Deterministic, so two runs decide the same requests. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(196);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
const sample = <T>(items: readonly T[], count: number): T[] => [...items].sort(() => random() - 0.5).slice(0, count);

function network() {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWYZ'; // no X: the hub and gateway live there
  const all = [...letters].flatMap((first) => [...letters].map((second) => first + second));
  const codes = [...sample(all, BUREAUS - 1), HUB_CODE];
  const bureaus = codes.map((code): BureauFacts => ({
    code,
    role: code === HUB_CODE ? 'hub' : 'bureau',
    status: random() < 0.02 ? 'suspended' : 'active',
  }));
  const countries = codes.filter((code) => code !== HUB_CODE);
  const declarations: Declaration[] = [];
  const seen = new Set<string>();
  while (declarations.length < DECLARATIONS) {
    const [declarer, counterpart] = sample(countries, 2) as [string, string];
    const type = random() < 0.6 ? 'refuses-diffusions-from' : 'does-not-send-to';
    if (seen.has(`${declarer}${counterpart}${type}`)) continue;
    seen.add(`${declarer}${counterpart}${type}`);
    declarations.push({ id: `d${declarations.length}`, declarer, counterpart, type, createdAt: NOW.toISOString() });
  }
  const operations: Operation[] = Array.from({ length: OPERATIONS }, (_, index) => {
    const [coordinator, ...participants] = sample(countries, 4 + Math.floor(random() * 20)) as [string, ...string[]];
    const start = new Date(NOW.getTime() + (index % 4 === 0 ? 2 : -1) * 86_400_000).toISOString();
    return {
      id: `op-${index}`,
      name: `operation ${index}`,
      coordinator,
      participants,
      start,
      end: new Date(Date.parse(start) + 7 * 86_400_000).toISOString(),
    };
  });
  return {
    bureaus,
    countries,
    declarations,
    operations,
    byCode: new Map(bureaus.map((bureau) => [bureau.code, bureau])),
  };
}

type Network = ReturnType<typeof network>;
interface Request {
  envelope: EnvelopeFacts;
  recipient: BureauFacts;
}

/** A day's mix: everyday traffic, restricted diffusions, replies that inherit, receipts, alerts. */
function workload(net: Network, count: number): Request[] {
  const kinds: Array<[MessageKind, number]> = [
    ['message', 0.35],
    ['diffusion', 0.25],
    ['receipt', 0.2],
    ['query', 0.08],
    ['notice-request', 0.05],
    ['operation-alert', 0.05],
    ['notice', 0.02],
  ];
  const kindOf = () => {
    let roll = random();
    for (const [kind, share] of kinds) if ((roll -= share) < 0) return kind;
    return 'message';
  };
  return Array.from({ length: count }, () => {
    const kind = kindOf();
    const operation = pick(net.operations);
    const sender =
      kind === 'notice'
        ? net.byCode.get(HUB_CODE)!
        : kind === 'operation-alert'
          ? net.byCode.get(operation.coordinator)!
          : pick(net.bureaus);
    let recipient = kind === 'operation-alert' ? net.byCode.get(pick(operation.participants))! : pick(net.bureaus);
    if (recipient.code === sender.code)
      recipient = net.byCode.get(HUB_CODE === sender.code ? net.countries[0] : HUB_CODE)!;
    const meta: EnvelopeMeta = {};
    if (kind === 'operation-alert') meta.operationId = operation.id;
    if (kind === 'diffusion' && random() < 0.3) meta.restrictedTo = sample(net.countries, 1 + Math.floor(random() * 5));
    let lineage: EnvelopeLineage | undefined;
    if (kind === 'receipt')
      lineage = {
        inheritedRestrictions: [],
        unresolved: [],
        answers: { from: recipient.code, kind: 'message', deliveredTo: [sender.code] },
      };
    else if (kind === 'message' && random() < 0.2)
      lineage = { inheritedRestrictions: sample(net.countries, 1 + Math.floor(random() * 3)), unresolved: [] };
    return { envelope: { sender, kind, meta, now: NOW, ...(lineage ? { lineage } : {}) }, recipient };
  });
}

/** Before any caching: the policy text and schema parsed on every call, the whole entity store passed. */
function naiveDecider(net: Network) {
  const store: EntityJson[] = [];
  const declared = new Map<string, { refusesDiffusionsFrom: unknown[]; doesNotSendTo: unknown[] }>();
  for (const declaration of net.declarations) {
    const sets = declared.get(declaration.declarer) ?? { refusesDiffusionsFrom: [], doesNotSendTo: [] };
    const reference = { __entity: { type: 'Bureaunet::Bureau', id: declaration.counterpart } };
    (declaration.type === 'refuses-diffusions-from' ? sets.refusesDiffusionsFrom : sets.doesNotSendTo).push(reference);
    declared.set(declaration.declarer, sets);
  }
  for (const bureau of net.bureaus) {
    const sets = declared.get(bureau.code) ?? { refusesDiffusionsFrom: [], doesNotSendTo: [] };
    store.push({
      uid: { type: 'Bureaunet::Bureau', id: bureau.code },
      attrs: { role: bureau.role, status: bureau.status, ...sets } as EntityJson['attrs'],
      parents: [],
    });
  }
  for (const operation of net.operations) {
    const reference = (code: string) => ({ __entity: { type: 'Bureaunet::Bureau', id: code } });
    const datetime = (instant: string) => ({ __extn: { fn: 'datetime', arg: instant } });
    store.push({
      uid: { type: 'Bureaunet::Operation', id: operation.id },
      attrs: {
        coordinator: reference(operation.coordinator),
        participants: operation.participants.map(reference),
        start: datetime(operation.start),
        end: datetime(operation.end),
      },
      parents: [],
    });
  }
  return (request: Request): boolean => {
    const meta = request.envelope.meta;
    const lineage = request.envelope.lineage;
    const context: Record<string, unknown> = {
      now: { __extn: { fn: 'datetime', arg: request.envelope.now.toISOString() } },
      restrictedTo: [...(meta.restrictedTo ?? []), ...(lineage?.inheritedRestrictions ?? [])].map((code) => ({
        __entity: { type: 'Bureaunet::Bureau', id: code },
      })),
      unresolvedReference: false,
    };
    if (meta.operationId) context['operation'] = { __entity: { type: 'Bureaunet::Operation', id: meta.operationId } };
    if (lineage?.answers) {
      context['answers'] = {
        from: { __entity: { type: 'Bureaunet::Bureau', id: lineage.answers.from } },
        kind: lineage.answers.kind,
        deliveredTo: lineage.answers.deliveredTo.map((code) => ({ __entity: { type: 'Bureaunet::Bureau', id: code } })),
      };
    }
    const answer = cedar.isAuthorized({
      principal: { type: 'Bureaunet::Bureau', id: request.envelope.sender.code },
      action: { type: 'Bureaunet::Action', id: request.envelope.kind },
      resource: { type: 'Bureaunet::Bureau', id: request.recipient.code },
      context: context as Record<string, never>,
      schema: BUREAUNET_SCHEMA,
      policies: { staticPolicies: DEFAULT_POLICIES },
      entities: store,
    });
    return answer.type === 'success' && answer.response.decision === 'allow';
  };
}

function rate(
  requests: readonly Request[],
  decide: (request: Request) => unknown,
): { perSecond: number; microseconds: number } {
  const warm = Math.min(200, requests.length);
  for (let index = 0; index < warm; index += 1) decide(requests[index]);
  const start = performance.now();
  for (const request of requests) decide(request);
  const ms = performance.now() - start;
  return { perSecond: requests.length / (ms / 1000), microseconds: (ms * 1000) / requests.length };
}

/** One message and its receipt, as libs/crypto does them: the cost the decisions are set against. */
async function messageCrypto(recipients: number): Promise<number> {
  const sender = await generateBureauKeys();
  const keys: BureauKeys[] = await Promise.all(
    Array.from({ length: Math.min(recipients, 8) }, () => generateBureauKeys()),
  );
  const recipientKeys = Array.from({ length: recipients }, (_, index) => ({
    code: `R${String.fromCharCode(65 + (index % 26))}`,
    kid: `r${index}`,
    key: keys[index % keys.length].encryption.publicKey,
  }));
  const rounds = recipients === 1 ? 300 : 10;
  const start = performance.now();
  for (let round = 0; round < rounds; round += 1) {
    const now = new Date();
    const header = {
      id: crypto.randomUUID(),
      from: 'DK',
      to: recipientKeys.map((key) => key.code),
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + 60_000).toISOString(),
    };
    const sealed = await sealEnvelope({
      payload: { ...header, kind: 'diffusion', meta: {} },
      body: { text: 'x'.repeat(1500) },
      recipients: recipientKeys,
      signer: { kid: 'dk', key: sender.signing.privateKey },
    });
    const parsed = parseEnvelope(sealed.serialized);
    await verifyEnvelopeSignature(parsed, sender.signing.publicKey); // gateway
    await verifyEnvelopeSignature(parsed, sender.signing.publicKey); // one recipient, end to end
    await decryptEnvelopeContent(parsed, {
      code: recipientKeys[0].code,
      kid: 'r0',
      privateKey: keys[0].encryption.privateKey,
    });
    const receipt = await sealEnvelope({
      payload: {
        id: crypto.randomUUID(),
        kind: 'receipt',
        from: recipientKeys[0].code,
        to: ['DK'],
        createdAt: header.createdAt,
        expiresAt: header.expiresAt,
        meta: { receiptFor: { id: header.id, digest: sealed.digest } },
      },
      recipients: [],
      signer: { kid: 'r0', key: keys[0].signing.privateKey },
    });
    const parsedReceipt = parseEnvelope(receipt.serialized);
    await verifyEnvelopeSignature(parsedReceipt, keys[0].signing.publicKey); // gateway
    await verifyEnvelopeSignature(parsedReceipt, keys[0].signing.publicKey); // the sender
  }
  return (performance.now() - start) / rounds;
}

async function main(): Promise<void> {
  const net = network();
  const requests = workload(net, DECISIONS);
  const bundle = {
    version: 1,
    policies: DEFAULT_POLICIES,
    limits: DEFAULT_RATE_LIMITS,
    declarations: net.declarations,
    operations: net.operations,
  };

  const naive = rate(requests.slice(0, NAIVE_DECISIONS), naiveDecider(net));
  const preparedRules = new PolicyEngine({ cachedDecisions: 0 }).load(bundle);
  const prepared = rate(requests, (request) => preparedRules.decide(request.envelope, request.recipient));
  const cachedRules = new PolicyEngine().load(bundle);
  const cached = rate(requests, (request) => cachedRules.decide(request.envelope, request.recipient));
  // Operation alerts depend on the time and are never remembered: the rest shows what a hit costs.
  const again = rate(
    requests.filter((request) => request.envelope.kind !== 'operation-alert'),
    (request) => cachedRules.decide(request.envelope, request.recipient),
  );

  // A broadcast: one diffusion to every other bureau, restricted from three, decided recipient by recipient.
  const broadcasts = Array.from({ length: 20 }, () => {
    const sender = pick(net.bureaus.filter((bureau) => bureau.status === 'active'));
    return {
      envelope: { sender, kind: 'diffusion' as const, meta: { restrictedTo: sample(net.countries, 3) }, now: NOW },
      recipients: net.bureaus.filter((bureau) => bureau.code !== sender.code),
    };
  });
  const broadcastMs = (rules: typeof preparedRules) => {
    const start = performance.now();
    for (const broadcast of broadcasts) rules.decideEach(broadcast.envelope, broadcast.recipients);
    return (performance.now() - start) / broadcasts.length;
  };
  const broadcastPrepared = broadcastMs(new PolicyEngine({ cachedDecisions: 0 }).load(bundle));
  broadcastMs(cachedRules);
  const broadcastCached = broadcastMs(cachedRules); // the same broadcasts again: same sender, kind and restrictions

  const oneToOne = await messageCrypto(1);
  const toAll = await messageCrypto(BUREAUS - 1);
  // A 1:1 message costs two decisions at the gateway: the message and its receipt.
  const share = (decideUs: number, decisions: number, cryptoMs: number) => {
    const decideMs = (decideUs * decisions) / 1000;
    return (100 * decideMs) / (decideMs + cryptoMs);
  };
  const percent = (value: number) => `${value.toFixed(1)} %`;
  const noCaching: BenchFigure = {
    name: 'decisions/s, no caching (text+schema parsed, 216 entities per call)',
    value: naive.perSecond,
    unit: 'decisions/s',
    baseline: true,
    note: `${naive.microseconds.toFixed(0)} µs each`,
  };
  const decisions = (name: string, figure: { perSecond: number; microseconds: number }, note: string): BenchFigure => ({
    name,
    value: figure.perSecond,
    unit: 'decisions/s',
    against: ratioTo(noCaching, figure.perSecond),
    note: `${figure.microseconds.toFixed(1)} µs each${note}`,
  });
  const oneToOneCrypto: BenchFigure = {
    name: 'crypto of a 1:1 message + receipt (seal, 4× verify, decrypt), libs/crypto, one core',
    value: oneToOne,
    unit: 'ms',
    baseline: true,
  };
  const toAllCrypto: BenchFigure = {
    name: `crypto of a broadcast to ${BUREAUS - 1} + one receipt, libs/crypto, one core`,
    value: toAll,
    unit: 'ms',
    baseline: true,
  };
  publishBenchReport({
    title: 'Access decisions',
    command: 'npm run bench:policy',
    setup:
      `${BUREAUS} bureaus, ${net.declarations.length} bilateral declarations, ${OPERATIONS} operations, the default policies (${DEFAULT_POLICIES.split('@id(').length - 1}) in Cedar. ` +
      `Workload: ${DECISIONS} decisions between random pairs: 35 % message, 25 % diffusion (30 % of them restricted), 20 % receipt, 8 % query, 5 % notice request, 5 % operation alert, 2 % notice. ` +
      `Baselines in the same run: decisions with no caching (the text and schema parsed per call), and the envelope crypto of the same exchanges with libs/crypto.`,
    figures: [
      noCaching,
      decisions('decisions/s, prepared per version (preparsed, 2–3 entities)', prepared, ''),
      decisions('decisions/s, prepared + decision cache, first pass', cached, ''),
      decisions(
        'decisions/s, prepared + decision cache, same traffic again',
        again,
        ' (all hits; operation alerts left out)',
      ),
      {
        name: `broadcast to ${BUREAUS - 1}, prepared`,
        value: broadcastPrepared,
        unit: 'ms',
        note: `${((naive.microseconds * (BUREAUS - 1)) / 1000).toFixed(0)} ms with no caching`,
        against: ratioTo(toAllCrypto, broadcastPrepared),
      },
      {
        name: `broadcast to ${BUREAUS - 1}, prepared + decision cache, repeated`,
        value: broadcastCached,
        unit: 'ms',
        note: 'same sender, kind and restrictions as an earlier one',
        against: ratioTo(toAllCrypto, broadcastCached),
      },
      oneToOneCrypto,
      toAllCrypto,
      {
        name: 'share of a 1:1 exchange spent deciding (2 decisions)',
        value: share(prepared.microseconds, 2, oneToOne),
        unit: '%',
        note: `no caching ${percent(share(naive.microseconds, 2, oneToOne))}, with cache ${percent(share(cached.microseconds, 2, oneToOne))}`,
      },
      {
        name: `share of a broadcast spent deciding (${BUREAUS} decisions)`,
        value: (100 * broadcastPrepared) / (broadcastPrepared + toAll),
        unit: '%',
        note: `no caching ${percent(share(naive.microseconds, BUREAUS, toAll))}, repeated with cache ${percent((100 * broadcastCached) / (broadcastCached + toAll))}`,
      },
    ],
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
