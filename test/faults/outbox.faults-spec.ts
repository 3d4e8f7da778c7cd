import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HUB_CODE } from '@bureaunet/contracts';
import { DEFAULT_RATE_LIMITS } from '@bureaunet/policy';
import { HttpError, SentMessageView, TestNetwork, reportFault, startTestNetwork, waitFor } from '@bureaunet/testing';

/** Outages tried when DK's cache lost MR's key before one (see the outage test). */
const OUTAGE_TRIES = 3;

// Short deadlines so a lost delivery is noticed and republished within the test; a long directory
// staleness so the outage tests the outbox, not the (deliberate) refusal of a stale directory.
const SHORT_DEADLINES = {
  REPUBLISH_INTERVAL_MS: '200',
  REPORT_DEADLINE_MS: '2000',
  RECEIPT_DEADLINE_MS: '3000',
  DIRECTORY_STALENESS_MS: '600000',
};

/** The sending side (issue 9, defects 3, 4, 5, 9): a 201 means durable and sendable, and nothing is lost. */
describe('outbox: a 201 means durable and sendable', () => {
  let network: TestNetwork;

  beforeAll(async () => {
    network = await startTestNetwork([HUB_CODE, 'MR', 'DK'], SHORT_DEADLINES);
  });

  afterAll(async () => {
    await network?.teardown();
  });

  const sentCount = async (code: string) =>
    (await network.api(code).call<{ items: unknown[] }>('GET', '/api/messages?limit=5000')).items.length;
  const views = (code: string, ids: readonly string[]) =>
    Promise.all(ids.map((id) => network.api(code).message<SentMessageView>(id)));
  const receipted = async (code: string, ids: readonly string[]) =>
    (await views(code, ids)).filter(
      (view) => view.recipients.length > 0 && view.recipients.every((r) => r.state === 'receipted'),
    ).length;

  /** Waits for every id to be receipted; on a timeout, returns how many were (the figure then shows the loss). */
  async function receiptedEventually(code: string, ids: readonly string[], timeoutMs = 60_000): Promise<number> {
    try {
      await waitFor(async () => (await receipted(code, ids)) === ids.length, {
        what: `${ids.length} receipts at ${code}`,
        timeoutMs,
      });
    } catch {
      // The count below is the assertion.
    }
    return receipted(code, ids);
  }

  /** Sends raw bytes, as a hostile or broken client would. */
  async function post(
    code: string,
    body: string,
  ): Promise<{ status: number; json: { code?: string; reason?: string } }> {
    const response = await fetch(`${network.node(code).url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${network.nodeTokens.get(code)!.officer}` },
      body,
    });
    const text = await response.text();
    let json: { code?: string; reason?: string } = {};
    try {
      json = JSON.parse(text) as typeof json;
    } catch {
      json = { reason: text };
    }
    return { status: response.status, json };
  }

  it('answers a 10 MB body with 413 and a deeply nested one with 400, as {code, reason}, with no stack in the log', async () => {
    const before = await sentCount('DK');
    const huge = await post('DK', JSON.stringify({ kind: 'message', to: ['MR'], body: 'x'.repeat(10 * 1024 * 1024) }));
    const deep = await post('DK', `{"kind":"message","to":["MR"],"body":${'['.repeat(10_000)}${']'.repeat(10_000)}}`);
    const deepShort = await post(
      'DK',
      `{"kind":"message","to":["MR"],"body":${'{"a":'.repeat(100)}1${'}'.repeat(100)}}`,
    );
    const figure = reportFault({
      fault: 'HTTP body of 10 MB, 10,000 and 100 levels deep',
      tries: 3,
      refused: [huge.status === 413, deep.status === 400, deepShort.status === 400].filter(Boolean).length,
      lost: 0,
      duplicated: 0,
    });
    expect(huge).toMatchObject({
      status: 413,
      json: { code: 'too-large', reason: expect.stringMatching(/limit of 1048576 bytes/) },
    });
    expect(deep).toMatchObject({
      status: 400,
      json: { code: 'too-deep', reason: expect.stringMatching(/deeper than 64 levels/) },
    });
    expect(deepShort).toMatchObject({ status: 400, json: { code: 'too-deep' } });
    expect(figure.refused).toBe(3);
    expect(await sentCount('DK')).toBe(before);
    // No stack trace, neither printed nor inside a JSON log line (where its newlines are escaped).
    expect(network.output()).not.toMatch(/(\n|\\n)\s+at .+\(.+:\d+:\d+\)/);
  });

  it('refuses before the 201 a send whose sealed envelope the bus cannot carry, and stores nothing', async () => {
    const before = await sentCount('DK');
    const outcomes = await Promise.all(
      [700 * 1024, 1000 * 1024].map((size) =>
        network
          .api('DK')
          .send({ kind: 'message', to: ['MR'], body: { text: 'y'.repeat(size) } })
          .then(
            () => ({ status: 201, body: undefined as unknown }),
            (error: unknown) => {
              if (error instanceof HttpError) return { status: error.status, body: error.body };
              throw error;
            },
          ),
      ),
    );
    const stored = (await sentCount('DK')) - before;
    const figure = reportFault({
      fault: 'send of 700 KB and 1000 KB bodies',
      tries: 2,
      refused: outcomes.filter((o) => o.status === 413).length,
      lost: 0,
      duplicated: stored,
    });
    for (const outcome of outcomes) {
      expect(outcome).toMatchObject({
        status: 413,
        body: {
          code: 'too-large',
          reason: expect.stringMatching(/sealed envelope of \d+ bytes exceeds the \d+ bytes the bus carries/),
        },
      });
    }
    expect(figure.refused).toBe(2);
    expect(stored).toBe(0);
  });

  /** DK's directory log lines, the last `count`: what it forgot, and what it could not ask. */
  function directoryLines(count: number): string {
    return network
      .output()
      .split('\n')
      .filter((line) => /directory/i.test(line))
      .slice(-count)
      .join('\n');
  }

  /**
   * A warm-up send receipted (MR's key in DK's directory cache), then NATS stopped and 10 sends. Those
   * that DK refuses 503 (it had to ask the registry) are kept apart: nothing is stored for them.
   */
  async function sendsDuringOutage(): Promise<{ ids: string[]; refused: unknown[] }> {
    const warm = await waitFor(
      () => network.api('DK').send({ kind: 'message', to: ['MR'], body: { outage: 'before' } }),
      { what: 'a send from DK accepted before the outage' },
    );
    await receiptedEventually('DK', [warm.id]);
    await network.nats.stop({ keepStore: true });
    const ids: string[] = [];
    const refused: unknown[] = [];
    try {
      for (let index = 0; index < 10; index += 1) {
        try {
          ids.push((await network.api('DK').send({ kind: 'message', to: ['MR'], body: { outage: index } })).id);
        } catch (error) {
          if (!(error instanceof HttpError) || error.status !== 503) throw error;
          refused.push(error.body);
        }
      }
    } finally {
      await network.nats.restart();
    }
    return { ids, refused };
  }

  it('delivers all 10 messages accepted during a NATS outage once NATS is back', async () => {
    // What this tries needs MR's encryption key in DK's directory cache: a send that must ask the
    // registry during the outage is refused (503 directory-unavailable, nothing stored), by design.
    // Something between the warm-up and the outage has evicted it (1 of ~6 full runs; what, not yet
    // known): then the outage is tried again, at most OUTAGE_TRIES times, each retry printed.
    let outage = await sendsDuringOutage();
    for (let tried = 1; outage.ids.length === 0 && tried < OUTAGE_TRIES; tried += 1) {
      process.stderr.write(
        `outage try ${tried}: DK refused every send (${JSON.stringify(outage.refused[0])}); trying again\n${directoryLines(40)}\n`,
      );
      outage = await sendsDuringOutage();
    }
    const { ids, refused } = outage;
    const done = await receiptedEventually('DK', ids);
    const figure = reportFault({
      fault: '10 sends during a NATS outage',
      tries: 10,
      survived: done,
      refused: refused.length,
      lost: ids.length - done,
      duplicated: 0,
    });
    // All refused means the outbox was not tried: the refusals and the directory's log lines say why.
    if (ids.length === 0)
      throw new Error(`every send refused, ${OUTAGE_TRIES} outages: ${JSON.stringify(refused)}\n${directoryLines(40)}`);
    expect(figure.lost).toBe(0);
  });

  it('delivers all 5 messages reported delivered but not consumed when JetStream loses its store', async () => {
    await network.node('MR').stop();
    const ids: string[] = [];
    for (let index = 0; index < 5; index += 1)
      ids.push((await network.api('DK').send({ kind: 'message', to: ['MR'], body: { storeLoss: index } })).id);
    await waitFor(async () => (await views('DK', ids)).every((view) => view.recipients[0]?.state === 'delivered'), {
      what: '5 delivered to the offline MR',
    });
    await network.nats.stop(); // the launcher's own store goes with it
    await network.nats.restart();
    await network.node('MR').restart();
    const done = await receiptedEventually('DK', ids);
    const inbox = (await network.api('MR').inbox()).items.filter((item) => ids.includes(item.id));
    const figure = reportFault({
      fault: 'JetStream store lost, 5 delivered not consumed',
      tries: ids.length,
      survived: done,
      lost: ids.length - done,
      duplicated: inbox.length - new Set(inbox.map((i) => i.id)).size,
    });
    expect(figure.lost).toBe(0);
    expect(figure.duplicated).toBe(0);
  });

  it('delivers every envelope of a burst over the rate limit, after the time the gateway names', async () => {
    const registry = (body: unknown) =>
      fetch(`${network.registry.url}/api/rules`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${network.adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then(async (response) => ({ status: response.status, body: (await response.json()) as { version: number } }));
    const gatewayHas = (version: number) =>
      waitFor(
        async () =>
          ((await (await fetch(`${network.gateway.url}/api/rules/status`)).json()) as { version: number | null })
            .version === version,
        { what: `rules version ${version}` },
      );
    const limited = await registry({ limits: { ...DEFAULT_RATE_LIMITS, bureaus: { DK: { messagesPerMinute: 60 } } } });
    expect(limited.status).toBe(200);
    await gatewayHas(limited.body.version);
    const ids: string[] = [];
    try {
      for (let index = 0; index < 75; index += 1)
        ids.push((await network.api('DK').send({ kind: 'message', to: ['MR'], body: { burst: index } })).id);
      const done = await receiptedEventually('DK', ids, 90_000);
      const inbox = (await network.api('MR').inbox()).items.filter((item) => ids.includes(item.id));
      const figure = reportFault({
        fault: 'burst of 75 over a limit of 60 a minute',
        tries: ids.length,
        survived: done,
        lost: ids.length - done,
        duplicated: inbox.length - new Set(inbox.map((i) => i.id)).size,
      });
      expect(figure.lost).toBe(0);
      expect(figure.duplicated).toBe(0);
    } finally {
      const reset = await registry({ limits: DEFAULT_RATE_LIMITS });
      expect(reset.status).toBe(200);
    }
  });

  it('keeps keys, tokens and databases 0600 in 0700 directories, unreadable by another local user', () => {
    // The test network lives in a private temporary folder: open it up as a checkout's var/ would be.
    chmodSync(network.dataDir, 0o755);
    const services = ['registry', 'gateway', 'node-MR', 'node-DK', `node-${HUB_CODE}`];
    const files: string[] = [];
    const dirs: string[] = [];
    const walk = (dir: string) => {
      dirs.push(dir);
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(join(dir, entry.name));
        else if (!entry.name.endsWith('.crt.pem')) files.push(join(dir, entry.name));
      }
    };
    services.map((service) => join(network.dataDir, service)).forEach(walk);
    const open = [
      ...dirs.filter((dir) => (statSync(dir).mode & 0o777) !== 0o700),
      ...files.filter((file) => (statSync(file).mode & 0o777) !== 0o600),
    ];
    const readable = files.filter(
      (file) => spawnSync('su', ['nobody', '-s', '/bin/sh', '-c', `cat '${file}' > /dev/null`]).status === 0,
    );
    const figure = reportFault({
      fault: 'another local user reads node/gateway/registry files',
      tries: files.length,
      refused: files.length - readable.length,
      lost: 0,
      duplicated: 0,
    });
    expect(files.some((file) => file.endsWith('node.sqlite-wal'))).toBe(true);
    expect(files.some((file) => file.endsWith('signing.key.pem'))).toBe(true);
    expect(open.map((path) => `${path} ${(statSync(path).mode & 0o777).toString(8)}`)).toEqual([]);
    expect(readable).toEqual([]);
    expect(figure.refused).toBe(files.length);
    expect(existsSync(join(network.dataDir, 'node-MR', 'node.sqlite'))).toBe(true);
  });

  it('at start, repairs a database left open to others and refuses a private key readable by others', async () => {
    const dir = join(network.dataDir, 'node-MR');
    await network.node('MR').stop();
    chmodSync(join(dir, 'node.sqlite'), 0o644);
    chmodSync(join(dir, 'signing.key.pem'), 0o644);
    const refused = await network
      .node('MR')
      .restart()
      .then(
        () => undefined,
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      );
    chmodSync(join(dir, 'signing.key.pem'), 0o600);
    await network.node('MR').restart();
    const repaired = statSync(join(dir, 'node.sqlite')).mode & 0o777;
    reportFault({
      fault: 'node started with a world-readable key, then database',
      tries: 2,
      refused: refused ? 1 : 0,
      survived: repaired === 0o600 ? 1 : 0,
      lost: 0,
      duplicated: 0,
    });
    expect(refused).toContain(`private key readable by other users: ${join(dir, 'signing.key.pem')} (mode 0644)`);
    expect(repaired).toBe(0o600);
  });
});
