import { HttpError } from '@bureaunet/api-clients';
import type { SentMessageView } from '@bureaunet/api-clients';
import { reportFault, type FaultFigure } from './fault-figure';
import type { TestNetwork } from './test-network';
import { waitFor } from './wait-for';

export interface TrafficRoute {
  from: string;
  to: readonly string[];
}

export interface TrafficUnderFault {
  network: TestNetwork;
  /** The fault, as the FAULT line names it. */
  fault: string;
  routes: readonly TrafficRoute[];
  /** Clients sending at once on each route, one message after another, and the most each sends. */
  workers: number;
  sendsPerWorker: number;
  /** The fault itself (e.g. kill -9 a process and start it again): struck once traffic flows on every route. */
  strike(): Promise<void>;
  /** How long the network may take to receipt everything after the fault (ms). */
  settleMs?: number;
}

export interface TrafficOutcome {
  figure: FaultFigure;
  /** Sends whose answer never came (the sender's own node was struck): their fate is not promised. */
  unanswered: number;
  /** Every message answered 201, by route. */
  sent: Map<TrafficRoute, string[]>;
  /** From the first send to the last receipt (ms). */
  elapsedMs: number;
}

/**
 * Traffic on every route while the fault strikes: then every send answered 201 must reach each of
 * its recipients exactly once and come back receipted, and nothing may arrive twice. Prints the
 * FAULT line and returns the figure for the test to assert on.
 */
export async function trafficThroughFault(options: TrafficUnderFault): Promise<TrafficOutcome> {
  const { network, fault, routes } = options;
  const started = Date.now();
  const sent = new Map<TrafficRoute, string[]>(routes.map((route) => [route, []]));
  let unanswered = 0;
  let stop = false;
  let struck: Promise<void> = Promise.resolve();
  const worker = async (route: TrafficRoute, worker: number) => {
    for (let index = 0; !stop && index < options.sendsPerWorker; index += 1) {
      const body = { text: `${fault}: ${route.from} ${worker}.${index}` };
      try {
        const { id } = await network.api(route.from).send({ kind: 'message', to: [...route.to], body });
        sent.get(route)!.push(id);
      } catch (error) {
        if (error instanceof HttpError) throw error; // an answer, not a crash: a refusal fails the test
        unanswered += 1;
        await struck;
      }
    }
  };
  const workers = routes.flatMap((route) =>
    Array.from({ length: options.workers }, (_, index) => worker(route, index)),
  );
  await waitFor(
    async () => {
      for (const route of routes) {
        const ids = new Set(sent.get(route));
        const arrived = (await network.api(route.to[0]).inbox(5_000)).items.filter((item) => ids.has(item.id));
        if (arrived.length < options.workers) return false;
      }
      return true;
    },
    { what: `${fault}: traffic under way on every route`, timeoutMs: 60_000 },
  );
  struck = options.strike();
  await struck;
  const answeredAfter = [...sent.values()].reduce((sum, ids) => sum + ids.length, 0);
  await waitFor(() => [...sent.values()].reduce((sum, ids) => sum + ids.length, 0) >= answeredAfter + options.workers, {
    what: `${fault}: sends answered again after the fault`,
    timeoutMs: 60_000,
  });
  stop = true;
  await Promise.all(workers);
  await waitFor(
    async () => {
      for (const [route, ids] of sent) {
        const views = await Promise.all(ids.map((id) => network.api(route.from).message<SentMessageView>(id)));
        const done = views.every(
          (view) =>
            view.recipients.length === route.to.length &&
            view.recipients.every((recipient) => recipient.state === 'receipted'),
        );
        if (!done) return false;
      }
      return true;
    },
    { what: `${fault}: every message receipted`, timeoutMs: options.settleMs ?? 180_000, intervalMs: 500 },
  );
  const elapsedMs = Date.now() - started;
  let lost = 0;
  let duplicated = 0;
  let tries = 0;
  const recipients = new Set(routes.flatMap((route) => route.to));
  const inboxes = new Map<string, string[]>();
  for (const code of recipients)
    inboxes.set(
      code,
      (await network.api(code).inbox(5_000)).items.map((item) => item.id),
    );
  for (const [route, ids] of sent)
    for (const code of route.to) {
      const inbox = new Set(inboxes.get(code));
      tries += ids.length;
      lost += ids.filter((id) => !inbox.has(id)).length;
    }
  // Whatever arrived (an unanswered send too) arrived once.
  for (const inbox of inboxes.values()) duplicated += inbox.length - new Set(inbox).size;
  const figure = reportFault({ fault, tries, survived: tries - lost, lost, duplicated });
  return { figure, unanswered, sent, elapsedMs };
}
