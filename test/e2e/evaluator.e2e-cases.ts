import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import {
  EVALUATE_SUBJECT_WILDCARD,
  EVALUATOR_KEY_SUBJECT,
  evaluateSubject,
  type EvaluateReply,
  type EvaluatorKey,
  type WireReply,
} from '@bureaunet/contracts';
import { createSodiumPoprf, type Poprf } from '@bureaunet/oprf';
import { TestNetwork, waitFor } from '@bureaunet/testing';
import { recordPoprfInput } from '@bureaunet/travel-document';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'base64url'));
/** Must match the evaluator's DeriveKeyPair key info (apps/evaluator/src/key/evaluator-key.ts). */
const KEY_INFO = new TextEncoder().encode('bureaunet/sltd/v1 evaluator key');

/** Every file under a folder, with its bytes. */
function filesUnder(dir: string): Array<{ path: string; content: Buffer }> {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [{ path, content: readFileSync(path) }];
  });
}

/**
 * The hub's evaluator as a bureau's node reaches it. Run by the border-check spec on its network (hub,
 * DK, MR, broker isolation), last: it restarts the evaluator at debug level for the rest of the run.
 */
export function describeHubEvaluator(networkOf: () => TestNetwork): void {
  describe('the hub evaluator on a network with broker isolation', () => {
    let network: TestNetwork;
    let poprf: Poprf;
    let dk: NatsConnection;
    const evaluatorDir = () => join(network.dataDir, 'evaluator');
    /** What this test sends, none of which the evaluator may keep or print. */
    const sent: string[] = [];

    async function asNode(code: string): Promise<NatsConnection> {
      const credentials = network.brokerCredentials!.get(`node-${code}`)!;
      return connect({
        servers: network.nats.url,
        user: credentials.user,
        pass: credentials.password,
        inboxPrefix: credentials.inboxPrefix,
      });
    }

    async function ask<T>(connection: NatsConnection, subject: string, body: unknown): Promise<WireReply<T>> {
      const reply = await connection.request(subject, JSON.stringify(body), { timeout: 5_000 });
      return JSON.parse(new TextDecoder().decode(reply.data)) as WireReply<T>;
    }

    beforeAll(async () => {
      poprf = await createSodiumPoprf();
      network = networkOf();
      // Again at debug, logging its counts often: what it prints is then worth searching.
      await network.evaluator.stop();
      await network.evaluator.restart({ LOG_LEVEL: 'debug', EVALUATOR_ACTIVITY_LOG_MS: '200' });
      dk = await asNode('DK');
    });

    afterAll(async () => {
      await dk?.close();
    });

    it("answers DK's node on its own subject: the unblinded output is the owner-side one", async () => {
      const keyReply = await ask<EvaluatorKey>(dk, EVALUATOR_KEY_SUBJECT, {});
      if (!keyReply.ok) throw new Error(`key: ${keyReply.error.reason}`);
      const numbers = ['E2E0000001', 'e2e-0000002'];
      const inputs = numbers.map((documentNumber) => recordPoprfInput({ documentNumber, issuingCountry: 'MR' }));
      const blinded = inputs.map(({ input, info }) =>
        poprf.blind({ input, info, serverPublicKey: bytes(keyReply.data.publicKey) }),
      );
      const body = { info: 'MR', blindedElements: blinded.map((item) => b64(item.blindedElement)) };
      sent.push(...numbers, ...body.blindedElements, ...inputs.map(({ input }) => Buffer.from(input).toString()));
      const reply = await ask<EvaluateReply>(dk, evaluateSubject('DK'), body);
      if (!reply.ok) throw new Error(`evaluate: ${reply.error.reason}`);
      expect(reply.data.keyId).toBe(keyReply.data.keyId);
      const outputs = poprf.finalizeBatch({
        items: inputs.map(({ input }, i) => ({
          input,
          blind: blinded[i].blind,
          blindedElement: blinded[i].blindedElement,
          evaluatedElement: bytes(reply.data.evaluatedElements[i]),
        })),
        proof: bytes(reply.data.proof),
        info: inputs[0].info,
        tweakedKey: blinded[0].tweakedKey,
      });
      sent.push(...outputs.map(b64), ...outputs.map((output) => Buffer.from(output).toString('hex')));
      // The owner side, from the seed the evaluator keeps (only this test reads it).
      const seed = new Uint8Array(readFileSync(join(evaluatorDir(), 'poprf-seed')));
      const { secretKey } = poprf.deriveKeyPair({ seed, keyInfo: KEY_INFO });
      expect(outputs).toEqual(
        inputs.map(({ input, info }) => poprf.evaluate({ serverSecretKey: secretKey, input, info })),
      );
    });

    it('lets DK neither ask as MR nor hear the other bureaus asking', async () => {
      await expect(
        dk.request(evaluateSubject('MR'), JSON.stringify({ info: 'MR', blindedElements: [] }), { timeout: 2_000 }),
      ).rejects.toThrow(/Permissions Violation/i);
      const other = await asNode('DK');
      try {
        const eavesdropper = other.subscribe(EVALUATE_SUBJECT_WILDCARD);
        const ended = await eavesdropper.closed;
        expect(String(ended)).toMatch(/Permissions Violation/i);
      } finally {
        await other.close();
      }
    });

    it('logs counts per asking bureau, and neither its output nor its data folder holds what was sent', async () => {
      const report = await waitFor(
        () =>
          network.evaluator
            .recentOutput()
            .split('\n')
            .find((line) => line.includes('"bureaus"') && line.includes('"DK"')),
        { what: "the evaluator's activity line naming DK" },
      );
      expect(JSON.parse(report)).toMatchObject({ bureaus: { DK: { requests: 1, elements: 2 } } });
      expect(sent.length).toBeGreaterThan(0);
      const output = `${network.evaluator.recentOutput()}\n${network.output()}`;
      const files = filesUnder(evaluatorDir());
      expect(files.map((file) => file.path)).toEqual([join(evaluatorDir(), 'poprf-seed')]);
      for (const value of sent) {
        expect(output).not.toContain(value);
        for (const file of files) expect(file.content.includes(value)).toBe(false);
      }
    });
  });
}
