import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { EvidenceBundle } from '@bureaunet/evidence';
import { formatVerifierKey, NOTE_SIGNATURE_TYPE, rawEd25519PublicKey } from '@bureaunet/witness';
import { tampered, TAMPERINGS } from '../../../libs/evidence/src/testing/bundle-tampering';
import { createEvidenceWorld, type EvidenceWorld } from '../../../libs/evidence/src/testing/evidence-bundle.fixture';
import { UsageError } from './audit.errors';
import { checkEvidenceBundle, verdictLines, type EvidenceCheckOptions } from './evidence-bundle.check';

const INDEPENDENT = join(__dirname, '../../../test/evidence/independent-verifier.mjs');
const run = promisify(execFile);

/** `npm run audit -- evidence verify`: files in, one line per piece out, the failed pieces named. */
describe('evidence verify', () => {
  let world: EvidenceWorld;
  let dir: string;
  let caFile: string;
  let vkeys: string[];
  let trustFile: string;

  beforeAll(async () => {
    world = await createEvidenceWorld();
    dir = await mkdtemp(join(tmpdir(), 'audit-evidence-'));
    caFile = join(dir, 'ca.pem');
    await writeFile(caFile, world.ca.pem);
    vkeys = world.witnesses.map((w) =>
      formatVerifierKey({
        name: w.name,
        type: NOTE_SIGNATURE_TYPE.cosignatureV1,
        publicKey: rawEd25519PublicKey(w.publicKey),
      }),
    );
    trustFile = join(dir, 'trust.json');
    await writeFile(
      trustFile,
      JSON.stringify({
        ca: world.ca.pem,
        witnesses: world.witnesses.map((w) => ({
          name: w.name,
          publicKey: rawEd25519PublicKey(w.publicKey).toString('base64'),
        })),
        quorum: 2,
        now: world.options.now.toISOString(),
      }),
    );
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function saved(bundle: unknown, name: string): Promise<string> {
    const path = join(dir, `${name}.json`);
    await writeFile(path, JSON.stringify(bundle));
    return path;
  }

  const options = (bundleFile: string, more: Partial<EvidenceCheckOptions> = {}): EvidenceCheckOptions => ({
    bundleFile,
    caFile,
    witnesses: vkeys,
    quorum: 2,
    at: world.options.now,
    ...more,
  });
  const failedPieces = (file: string, more?: Partial<EvidenceCheckOptions>) =>
    checkEvidenceBundle(options(file, more))
      .checks.filter((check) => !check.ok)
      .map((check) => check.piece);

  async function independentFailures(file: string): Promise<string[]> {
    const result = await run(process.execPath, [INDEPENDENT, file, trustFile]).catch((error: { stdout: string }) => ({
      stdout: error.stdout,
    }));
    if (result.stdout === 'ok\n') return [];
    return result.stdout
      .trim()
      .split('\n')
      .map((line) => /^FAIL ([^:]+(?::[^: ]+)*):/.exec(line)?.[1] ?? `unreadable: ${line}`);
  }

  it('passes a valid bundle, printing every piece as ok', async () => {
    const file = await saved(world.bundle, 'valid');
    const verdict = checkEvidenceBundle(options(file));
    expect(verdict.ok).toBe(true);
    const lines = verdictLines(verdict);
    expect(lines.every((line) => line.startsWith('ok  '))).toBe(true);
    expect(lines.map((line) => line.split(':')[0].slice(6))).toEqual(
      expect.arrayContaining([
        'format',
        'envelope',
        'report[0]',
        'receipt[0]',
        'checkpoint',
        'cosignatures',
        'plaintext',
      ]),
    );
    expect(await independentFailures(file)).toEqual([]);
  });

  it('reads a witness key from a file as well', async () => {
    const keyFile = join(dir, 'witness.vkey');
    await writeFile(keyFile, `${vkeys[0]}\n`);
    expect(
      checkEvidenceBundle(options(await saved(world.bundle, 'file-key'), { witnesses: [keyFile, ...vkeys.slice(1)] }))
        .ok,
    ).toBe(true);
  });

  it.each(TAMPERINGS)(
    'fails naming $piece when $what is tampered with, as the independent verifier',
    async ({ what, piece, change }) => {
      const file = await saved(tampered(world.bundle, change), what.replace(/\W+/g, '-'));
      const failed = failedPieces(file);
      expect(failed).toContain(piece);
      expect(verdictLines(checkEvidenceBundle(options(file)))).toContainEqual(
        expect.stringMatching(new RegExp(`^FAIL  ${piece.replace(/[[\]]/g, '\\$&')}: `)),
      );
      expect((await independentFailures(file)).sort()).toEqual([...failed].sort());
    },
  );

  it('fails the cosignatures when fewer trusted witnesses cosigned than the quorum', async () => {
    const file = await saved(world.bundle, 'quorum');
    expect(failedPieces(file, { witnesses: vkeys.slice(0, 2), quorum: 2 })).toEqual([]);
    const onlyOneKnown = [
      vkeys[0],
      formatVerifierKey({ name: 'other.example/witness', type: 0x04, publicKey: Buffer.alloc(32, 7) }),
    ];
    expect(failedPieces(file, { witnesses: onlyOneKnown, quorum: 2 })).toEqual(['cosignatures']);
  });

  it('fails cosignatures dated after --at', async () => {
    const file = await saved(world.bundle, 'early');
    expect(failedPieces(file, { at: new Date(world.at.getTime() - 60_000) })).toContain('cosignatures');
  });

  it('calls wrong files and options usage errors, not failed evidence', async () => {
    const file = await saved(world.bundle, 'usage');
    expect(() => checkEvidenceBundle(options(file, { quorum: 4 }))).toThrow(UsageError);
    expect(() => checkEvidenceBundle(options(file, { witnesses: ['not-a-key'] }))).toThrow(/--witness not-a-key/);
    expect(() => checkEvidenceBundle(options(file, { caFile: file }))).toThrow(/is not a PEM certificate/);
    const notJson = join(dir, 'not.json');
    await writeFile(notJson, 'nope');
    expect(() => checkEvidenceBundle(options(notJson))).toThrow(/is not JSON/);
  });

  it('keeps the bundle format: a bundle is what the format says, nothing more', () => {
    const extra = { ...world.bundle, note: 'added' } as EvidenceBundle & { note: string };
    return saved(extra, 'extra').then((file) => expect(failedPieces(file)).toEqual(['format']));
  });
});
