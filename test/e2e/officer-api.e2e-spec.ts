import { HUB_CODE } from '@bureaunet/contracts';
import { TestNetwork, startTestNetwork, waitFor } from '@bureaunet/testing';

type Json = Record<string, unknown>;
interface ServerEvent {
  name: string;
  data: Json;
}

/**
 * One open GET /api/events, read frame by frame: `next(match)` resolves with the first event (from
 * the start of the stream) that matches, so a test waits for what it expects and never for a time.
 */
class EventStreamReader {
  private readonly events: ServerEvent[] = [];
  private waiters: Array<() => void> = [];
  private ended = false;

  private constructor(private readonly abort: AbortController) {}

  static async open(
    url: string,
    token: string | { cookie: string },
  ): Promise<{ status: number; body?: Json; reader?: EventStreamReader }> {
    const abort = new AbortController();
    const response = await fetch(`${url}/api/events`, {
      headers: typeof token === 'string' ? { authorization: `Bearer ${token}` } : token,
      signal: abort.signal,
    });
    if (!response.ok || !response.body) return { status: response.status, body: (await response.json()) as Json };
    const reader = new EventStreamReader(abort);
    void reader.pump(response.body);
    return { status: response.status, reader };
  }

  async next(match: (event: ServerEvent) => boolean, what: string): Promise<ServerEvent> {
    return waitFor(
      () => {
        const found = this.events.find(match);
        // Once the stream has ended nothing more comes: answer at once (waitFor then times out naming it).
        if (found || this.ended) return found;
        return new Promise<undefined>((resolve) => {
          this.waiters.push(() => resolve(undefined));
        });
      },
      { what },
    );
  }

  close(): void {
    this.abort.abort();
  }

  private async pump(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          this.frame(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // aborted by close()
    } finally {
      this.ended = true;
      this.wake();
    }
  }

  private frame(text: string): void {
    const lines = text.split('\n');
    const name = lines.find((line) => line.startsWith('event: '))?.slice(7);
    const data = lines.find((line) => line.startsWith('data: '))?.slice(6);
    if (name && data) this.events.push({ name, data: JSON.parse(data) as Json });
    this.wake();
  }

  private wake(): void {
    const waiting = this.waiters;
    this.waiters = [];
    waiting.forEach((wake) => wake());
  }

  get isEnded(): boolean {
    return this.ended;
  }
}

describe('officer console API: live events, rules preview, inbox filters (real network, broker isolation)', () => {
  let network: TestNetwork;
  const token = (code: string, role: 'officer' | 'border-officer' = 'officer') => network.nodeTokens.get(code)![role];

  async function call(
    code: string,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: Json }> {
    const response = await fetch(`${network.node(code).url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token(code)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Json) : {} };
  }

  beforeAll(async () => {
    network = await startTestNetwork(
      [HUB_CODE, 'MR', 'DK', 'FR'],
      // A short heartbeat: the session re-check that ends a stream comes at each one.
      { NODE_EVENTS_MAX_PER_PERSON: '3', NODE_EVENTS_HEARTBEAT_MS: '200' },
      { brokerIsolation: true },
    );
    // DK declares it takes no diffusions from MR: a rule that refuses, by name.
    const declared = await fetch(`${network.registry.url}/api/rules/declarations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${network.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ declarer: 'DK', counterpart: 'MR', type: 'refuses-diffusions-from' }),
    });
    expect(declared.status).toBe(201);
  });

  afterAll(async () => {
    await network?.teardown();
  });

  it('previews per recipient with the gateway’s rules: a declaration refuses by name, an unknown bureau is refused, the rest allowed', async () => {
    const preview = await waitFor(
      async () => {
        const answer = await call('MR', 'POST', '/api/messages/preview', {
          kind: 'diffusion',
          // The hub among the recipients, as every diffusion needs (diffusion-includes-hub).
          recipients: ['DK', 'FR', 'IT', HUB_CODE],
        });
        const dk = (answer.body.recipients as Json[] | undefined)?.find((recipient) => recipient.recipient === 'DK');
        return answer.status === 200 && dk?.allowed === false ? answer.body : undefined;
      },
      { what: 'the declaration in force at the gateway' },
    );
    expect(preview.recipients).toEqual([
      {
        recipient: 'DK',
        allowed: false,
        code: 'policy-denied',
        rule: 'refuses-diffusions-from',
        reason: expect.any(String),
      },
      { recipient: 'FR', allowed: true },
      { recipient: 'IT', allowed: false, code: 'unknown-recipient', reason: 'IT is not an enrolled bureau' },
      { recipient: HUB_CODE, allowed: true },
    ]);
    const plain = await call('MR', 'POST', '/api/messages/preview', { kind: 'message', recipients: ['DK'] });
    expect(plain.body.recipients).toEqual([{ recipient: 'DK', allowed: true }]);
    const bad = await call('MR', 'POST', '/api/messages/preview', { kind: 'receipt', recipients: ['DK'] });
    expect(bad.status).toBe(400);
  });

  it('streams a message to the recipient and its delivery, receipt and refusal back to the sender, live', async () => {
    const mr = (await EventStreamReader.open(network.node('MR').url, token('MR'))).reader!;
    const dk = (await EventStreamReader.open(network.node('DK').url, token('DK'))).reader!;
    try {
      const sent = await call('MR', 'POST', '/api/messages', {
        kind: 'message',
        to: ['DK'],
        body: { text: 'hello DK' },
      });
      const id = sent.body.id as string;
      const arrived = await dk.next((event) => event.name === 'message' && event.data.id === id, 'message at DK');
      expect(arrived.data).toEqual({ id, kind: 'message', from: 'MR' });
      await mr.next(
        (event) => event.name === 'receipt' && event.data.messageId === id && event.data.state === 'receipted',
        'receipt at MR',
      );

      // The hub's copy passes, so the node sends it (a send refused for every recipient is refused at once).
      const refused = await call('MR', 'POST', '/api/messages', {
        kind: 'diffusion',
        to: ['DK', HUB_CODE],
        body: { text: 'wanted' },
      });
      const refusal = await mr.next(
        (event) => event.name === 'refusal' && event.data.messageId === refused.body.id,
        'refusal at MR',
      );
      expect(refusal.data).toMatchObject({ recipient: 'DK', rule: 'refuses-diffusions-from' });
    } finally {
      mr.close();
      dk.close();
    }
  });

  it("ends a person's stream with session-ended once they sign out", async () => {
    const person = await network.person('MR', { username: 'e.stream', roles: ['officer'] });
    const signedIn = await fetch(`${person.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: person.username, password: person.password }),
    });
    expect(signedIn.status).toBe(200);
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0];
    const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
    const stream = (await EventStreamReader.open(person.url, { cookie })).reader!;
    const signedOut = await fetch(`${person.url}/api/session`, {
      method: 'DELETE',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(signedOut.status).toBe(204);
    const ended = await stream.next((event) => event.name === 'session-ended', 'the stream ending');
    expect(ended.data).toEqual({ reason: 'session-ended' });
    await waitFor(() => stream.isEnded, { what: 'the stream closed by the node' });
    const again = await EventStreamReader.open(person.url, { cookie });
    expect(again.status).toBe(401);
  });

  it('bounds the streams per holder with 429 too-many-streams, and admits again once one closes', async () => {
    const open = await Promise.all([1, 2, 3].map(() => EventStreamReader.open(network.node('FR').url, token('FR'))));
    const fourth = await EventStreamReader.open(network.node('FR').url, token('FR'));
    expect(fourth.status).toBe(429);
    expect(fourth.body).toMatchObject({ code: 'too-many-streams' });
    // Another holder is not affected.
    const border = await EventStreamReader.open(network.node('FR').url, token('FR', 'border-officer'));
    expect(border.status).toBe(200);
    border.reader!.close();
    open[0].reader!.close();
    const again = await waitFor(
      async () => {
        const attempt = await EventStreamReader.open(network.node('FR').url, token('FR'));
        return attempt.status === 200 ? attempt : undefined;
      },
      { what: 'a stream slot freed at FR' },
    );
    again.reader!.close();
    open.slice(1).forEach((stream) => stream.reader!.close());
  });

  it('filters the inbox by kind, sender, priority and text, and refuses a machine client the unread filter', async () => {
    const urgent = await call('FR', 'POST', '/api/messages', {
      kind: 'message',
      to: ['DK'],
      meta: { priority: 'urgent' },
      body: { text: 'Blue Volvo XC90 seen at the port' },
    });
    await waitFor(
      async () =>
        ((await call('DK', 'GET', '/api/inbox?from=FR')).body.items as Json[]).some(
          (item) => item.id === urgent.body.id,
        ),
      { what: 'the urgent message in DK inbox' },
    );
    const ids = async (query: string) =>
      ((await call('DK', 'GET', `/api/inbox?${query}`)).body.items as Json[]).map((item) => item.id);
    expect(await ids('from=FR&priority=urgent')).toEqual([urgent.body.id]);
    expect(await ids('q=volvo')).toEqual([urgent.body.id]);
    expect(await ids('kind=diffusion&from=FR')).toEqual([]);
    const items = (await call('DK', 'GET', '/api/inbox')).body.items as Json[];
    expect(items.every((item) => !('read' in item))).toBe(true);
    const unread = await call('DK', 'GET', '/api/inbox?unread=true');
    expect(unread).toMatchObject({ status: 400, body: { code: 'unread-needs-person' } });
    const badRange = await call('DK', 'GET', '/api/inbox?since=2026-12-02T00:00:00Z&until=2026-12-01T00:00:00Z');
    expect(badRange.status).toBe(400);
  });
});
