import { performance } from 'node:perf_hooks';
import { NodeApiClient, SentMessageView, TestNetwork, processCpuMs, waitFor } from '@bureaunet/testing';

/** What one run of the exchange measured. */
export interface ExchangeFigures {
  delivered: number;
  receipted: number;
  p50: number;
  p99: number;
  /** ms of CPU per message, by service name, over the throughput phase. */
  cpuPerMessage: Map<string, number>;
}

const allReceipted = (view: SentMessageView) =>
  view.recipients.length > 0 && view.recipients.every((recipient) => recipient.state === 'receipted');

async function receipted(sender: NodeApiClient, id: string): Promise<boolean> {
  return allReceipted(await sender.message<SentMessageView>(id));
}

export interface ExchangeOptions {
  body: unknown;
  /** Messages sent one at a time, each waited for, for p50/p99. */
  latencySamples: number;
  /** Requests in flight during the throughput phase. */
  inFlight: number;
}

/**
 * Latency (one message at a time, send → receipted) then throughput (`messages` sent with
 * `inFlight` requests in flight, timed until every recipient has them all and the sender has every
 * receipt), with the CPU each service spent over the throughput phase.
 */
export async function measureExchange(
  network: TestNetwork,
  from: string,
  to: readonly string[],
  messages: number,
  options: ExchangeOptions,
): Promise<ExchangeFigures> {
  const sender = network.api(from);
  const recipients = to.map((code) => network.api(code));
  const send = () => sender.send({ kind: 'message', to: [...to], body: options.body });
  const latencies: number[] = [];
  for (let index = 0; index < options.latencySamples; index += 1) {
    const start = performance.now();
    const { id } = await send();
    // Bounded generously: a stalled consumer shows up as a p99 of tens of seconds, not as a failed run.
    await waitFor(() => receipted(sender, id), {
      what: `receipt of ${id} (1:${to.length})`,
      timeoutMs: 120_000,
      intervalMs: 2,
    });
    latencies.push(performance.now() - start);
  }
  latencies.sort((a, b) => a - b);

  const services = [
    network.registry,
    network.gateway,
    network.evaluator,
    ...[...network.nodes.values()].filter((node) => [from, ...to].some((code) => node.name === `node ${code}`)),
  ];
  const cpuBefore = services.map((service) => processCpuMs(service.pid));
  const ids = new Set<string>();
  const start = performance.now();
  for (let index = 0; index < messages; index += options.inFlight) {
    const batch = await Promise.all(Array.from({ length: Math.min(options.inFlight, messages - index) }, send));
    batch.forEach(({ id }) => ids.add(id));
  }
  // Probe cheaply (the last batch, one id at a time) so the measurement does not load the recipients; count once at the end.
  const last = [...ids].slice(-options.inFlight);
  const long = { timeoutMs: 600_000, intervalMs: 50 };
  for (const recipient of recipients)
    for (const id of last)
      await waitFor(
        () =>
          recipient.message(id).then(
            () => true,
            () => false,
          ),
        { what: 'last batch delivered', ...long },
      );
  for (const recipient of recipients)
    await waitFor(
      async () => (await recipient.inbox(5000)).items.filter((item) => ids.has(item.id)).length === messages,
      {
        what: 'all delivered',
        ...long,
        intervalMs: 200,
      },
    );
  const deliveredAt = performance.now();
  for (const id of last) await waitFor(() => receipted(sender, id), { what: 'receipts', ...long });
  const receiptedAt = performance.now();
  const cpuPerMessage = new Map(
    services.map((service, index) => [service.name, (processCpuMs(service.pid) - cpuBefore[index]) / messages]),
  );
  const rate = (until: number) => messages / ((until - start) / 1000);
  const percentile = (share: number) => latencies[Math.min(latencies.length - 1, Math.floor(share * latencies.length))];
  return {
    delivered: rate(deliveredAt),
    receipted: rate(receiptedAt),
    p50: percentile(0.5),
    p99: percentile(0.99),
    cpuPerMessage,
  };
}
