import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EvidenceBundle } from '@bureaunet/evidence';
import { SentMessageView, TestNetwork, repoRoot, waitFor } from '@bureaunet/testing';
import { formatVerifierKey, NOTE_SIGNATURE_TYPE } from '@bureaunet/witness';
import { flipPayload } from '../../libs/evidence/src/testing/bundle-tampering';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The witnesses the gateway's checkpoints are cosigned by, as an auditor would be told out of band. */
export interface EvidenceWitnessPolicy {
  /** Verifier keys (vkeys) of the witnesses. */
  vkeys: string[];
  quorum: number;
}

/**
 * The evidence export end to end, for a spec whose network has DK and MR, a gateway that serves
 * cosigned checkpoints on its trails and a registry that serves status statements (both needed:
 * the node refuses to export without them). Send, receipt, export at the sender (through the
 * auditor CLI) and at the recipient (with plaintext), then verify offline with the project's
 * CLI and the independent verifier, and tamper. `stopNetwork`, when given, is called before the
 * offline checks (the last cases of a spec), so nothing can be fetched during them.
 */
export function describeEvidenceExport(
  networkOf: () => TestNetwork,
  witnessesOf: () => EvidenceWitnessPolicy,
  stopNetwork?: () => Promise<void>,
): void {
  describe('evidence bundles exported at a node and verified offline (real gateway, registry, witnesses)', () => {
    let dir: string;
    let id: string;
    let caFile: string;
    let senderBundle: string;
    let recipientBundle: string;
    let omitted: string | null;
    const body = { text: 'Wanted person seen at the border', reference: 'DK-2026-0042' };

    beforeAll(async () => {
      const network = networkOf();
      dir = mkdtempSync(join(tmpdir(), 'bureaunet-evidence-e2e-'));
      caFile = join(dir, 'ca.pem');
      // What an auditor gets out of band; here from the registry's public route.
      writeFileSync(caFile, await (await fetch(`${network.registry.url}/api/pki/ca`)).text());
      ({ id } = await network.api('DK').send({ kind: 'message', to: ['MR'], body }));
      await waitFor(
        async () =>
          (await network.api('DK').message<SentMessageView>(id)).recipients.every((r) => r.state === 'receipted'),
        { what: `MR's receipt of ${id} at DK` },
      );
      senderBundle = join(dir, 'sender.json');
      recipientBundle = join(dir, 'recipient.json');
    });

    afterAll(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it("exports at the sender's node through the auditor CLI, the attempt attributed with its purpose", async () => {
      const network = networkOf();
      const run = await audit(
        'evidence',
        id,
        '--node',
        network.node('DK').url,
        `--token=${network.nodeTokens.get('DK')!.officer}`,
        '--purpose',
        'court case 2026/118',
        '--save',
        senderBundle,
      );
      expect(run).toMatchObject({ status: 0, stdout: expect.stringContaining(`evidence of ${id} saved in`) });
      const bundle = JSON.parse(readFileSync(senderBundle, 'utf8')) as EvidenceBundle;
      expect(bundle).toMatchObject({ format: 'bureaunet-evidence/1', message_id: id });
      expect(bundle.reports).toHaveLength(1);
      expect(bundle.receipts).toHaveLength(1);
      expect(bundle.plaintext).toBeUndefined();
    });

    it("exports at the recipient's node with the plaintext, saying what a recipient cannot hold", async () => {
      const network = networkOf();
      const response = await fetch(`${network.node('MR').url}/api/messages/${id}/evidence?plaintext=true`, {
        headers: {
          authorization: `Bearer ${network.nodeTokens.get('MR')!.officer}`,
          'x-purpose': 'court case 2026/118',
        },
      });
      expect(response.status).toBe(200);
      omitted = response.headers.get('x-evidence-omitted');
      writeFileSync(recipientBundle, Buffer.from(await response.arrayBuffer()), { mode: 0o600 });
      const bundle = JSON.parse(readFileSync(recipientBundle, 'utf8')) as EvidenceBundle;
      expect(bundle.reports).toEqual([]);
      expect(JSON.parse(Buffer.from(bundle.plaintext!.content, 'base64url').toString('utf8'))).toEqual({ body });
      expect(omitted).toMatch(/^reports: /);
    });

    it("refuses plaintext at the sender's node: 409 plaintext-not-held", async () => {
      const network = networkOf();
      const response = await fetch(`${network.node('DK').url}/api/messages/${id}/evidence?plaintext=true`, {
        headers: { authorization: `Bearer ${network.nodeTokens.get('DK')!.officer}` },
      });
      expect(response.status).toBe(409);
      expect(await response.json()).toMatchObject({ code: 'plaintext-not-held' });
    });

    describe('offline', () => {
      beforeAll(async () => {
        if (stopNetwork) await stopNetwork();
      });

      it('both bundles verify with the project CLI and the independent verifier', async () => {
        for (const file of [senderBundle, recipientBundle]) {
          const run = await audit('evidence', 'verify', file, ...verifyOptions());
          expect(run).toMatchObject({ status: 0, stdout: expect.stringContaining('verified: every piece') });
          expect(await independent(file)).toMatchObject({ status: 0, stdout: 'ok\n' });
        }
        expect((await audit('evidence', 'verify', recipientBundle, ...verifyOptions())).stdout).toMatch(
          /^ok {4}plaintext: /m,
        );
      });

      it('a changed envelope fails by name in both verifiers', async () => {
        const bundle = JSON.parse(readFileSync(senderBundle, 'utf8')) as EvidenceBundle;
        bundle.envelope = flipPayload(bundle.envelope);
        const file = join(dir, 'tampered.json');
        writeFileSync(file, JSON.stringify(bundle));
        const run = await audit('evidence', 'verify', file, ...verifyOptions());
        expect(run.status).toBe(1);
        expect(run.stdout).toMatch(/^FAIL {2}envelope: /m);
        expect(run.stderr).toMatch(/evidence does not hold: .*envelope/);
        const second = await independent(file);
        expect(second.status).not.toBe(0);
        expect(second.stdout).toMatch(/^FAIL envelope:/m);
      });

      it('fails the cosignatures when fewer of the trusted witnesses cosigned than the quorum', async () => {
        const { vkeys, quorum } = witnessesOf();
        const stranger = formatVerifierKey({
          name: 'absent.example/witness',
          type: NOTE_SIGNATURE_TYPE.cosignatureV1,
          publicKey: randomBytes(32),
        });
        const trusted = [...vkeys.slice(0, quorum - 1), stranger];
        const run = await audit(
          'evidence',
          'verify',
          senderBundle,
          '--ca',
          caFile,
          ...trusted.flatMap((vkey) => ['--witness', vkey]),
          '--quorum',
          String(quorum),
        );
        expect(run.status).toBe(1);
        expect(run.stdout).toMatch(/^FAIL {2}cosignatures: /m);
      });
    });

    function verifyOptions(): string[] {
      const { vkeys, quorum } = witnessesOf();
      return ['--ca', caFile, ...vkeys.flatMap((vkey) => ['--witness', vkey]), '--quorum', String(quorum)];
    }

    /** The independent verifier reads a trust file: the CA, the witnesses' raw keys, the quorum. */
    function independent(file: string): Promise<Run> {
      const { vkeys, quorum } = witnessesOf();
      const trust = join(dir, 'trust.json');
      writeFileSync(
        trust,
        JSON.stringify({
          ca: readFileSync(caFile, 'utf8'),
          witnesses: vkeys.map((vkey) => {
            // name+id+key: the base64 key may itself hold '+'.
            const [name, , ...key] = vkey.split('+');
            return { name, publicKey: Buffer.from(key.join('+'), 'base64').subarray(1).toString('base64') };
          }),
          quorum,
          now: new Date(Date.now() + 60_000).toISOString(),
        }),
      );
      return runNode([join(repoRoot(), 'test', 'evidence', 'independent-verifier.mjs'), file, trust]);
    }
  });
}

function audit(...args: string[]): Promise<Run> {
  return runNode([join(repoRoot(), 'dist', 'apps', 'auditor', 'src', 'main.js'), ...args]);
}

function runNode(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}
