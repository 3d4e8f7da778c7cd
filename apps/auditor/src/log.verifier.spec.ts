import { generateKeyPair, type KeyObject } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { InMemoryLedgerClient, entry } from '../testing/in-memory-ledger.client';
import { VerificationFailure } from './audit.errors';
import { verifyLog } from './log.verifier';

const ed25519 = () => promisify(generateKeyPair)('ed25519');
const log = (count: number, tag = 'a'): Buffer[] =>
  Array.from({ length: count }, (_, i) => entry('delivery', `${tag}-${i}`, { to: 'MR' }));

describe('audit verify', () => {
  let keys: { privateKey: KeyObject; publicKey: KeyObject };
  let dir: string;
  let statePath: string;

  beforeAll(async () => {
    keys = await ed25519();
  });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bureaunet-audit-spec-'));
    statePath = join(dir, 'state', 'head.json');
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('verifies an honest log, keeps its head, and verifies it again once it grew', async () => {
    const gateway = new InMemoryLedgerClient(log(1_234), keys.privateKey);
    const first = await verifyLog(gateway, keys.publicKey, statePath);
    expect(first).toMatchObject({ head: { treeSize: 1_234 }, kept: undefined });
    expect(JSON.parse(readFileSync(statePath, 'utf8'))).toMatchObject({
      gateway: 'http://gateway.test:3002/',
      sth: { tree_size: 1_234 },
    });

    gateway.rewrite([...log(1_234), ...log(10, 'b')]);
    gateway.timestamp += 1_000;
    const second = await verifyLog(gateway, keys.publicKey, statePath);
    expect(second.head.treeSize).toBe(1_244);
    expect(second.kept?.sth.tree_size).toBe(1_234);
  });

  it('names the first entry whose bytes no longer match the signed tree', async () => {
    const gateway = new InMemoryLedgerClient(log(1_000), keys.privateKey);
    gateway.served[613] = entry('delivery', 'a-613', { to: 'FR' });
    gateway.served[700] = entry('delivery', 'a-700', { to: 'FR' });
    const failure = await verifyLog(gateway, keys.publicKey, statePath).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(VerificationFailure);
    expect((failure as Error).message).toMatch(
      /^entry 613 \(delivery at 2026-11-25T10:00:00.000Z, envelope a-613\) does not match the signed tree head \(size 1000, root .*\): its leaf_input hashes to .*, which the gateway cannot prove is the leaf it signed at index 613; entries 0..612 are proven to match$/,
    );
    expect(existsSync(statePath)).toBe(false); // nothing kept from a failed run
  });

  it('catches a log rolled back and re-grown with other entries through the head kept last time', async () => {
    const gateway = new InMemoryLedgerClient(log(40), keys.privateKey);
    await verifyLog(gateway, keys.publicKey, statePath);
    gateway.rewrite([...log(25), ...log(30, 'forged')]);
    gateway.timestamp += 1_000;
    await expect(verifyLog(gateway, keys.publicKey, statePath)).rejects.toThrow(
      /^consistency check failed: the log signed at size 55 is not an extension of the tree head kept from .* \(size 40, root .*\) — the log was rewritten or rolled back and re-grown \(consistency-mismatch: /,
    );
  });

  it('refuses a log that shrank, a fork at the same size, and a head whose signature does not hold', async () => {
    const gateway = new InMemoryLedgerClient(log(40), keys.privateKey);
    await verifyLog(gateway, keys.publicKey, statePath);
    gateway.rewrite(log(39));
    await expect(verifyLog(gateway, keys.publicKey, statePath)).rejects.toThrow(
      /^the log shrank: the gateway now signs size 39, smaller than the tree head kept/,
    );
    gateway.rewrite(log(40, 'forged'));
    await expect(verifyLog(gateway, keys.publicKey, statePath)).rejects.toThrow(
      /^fork: the gateway signs size 40 with root/,
    );
    const other = await ed25519();
    await expect(verifyLog(gateway, other.publicKey, statePath)).rejects.toThrow(
      /^get-sth: tree head signature check failed: the signature over tree head \(size 40/,
    );
  });

  it('refuses an entry that is not canonical JSON, naming it', async () => {
    const gateway = new InMemoryLedgerClient(log(10), keys.privateKey);
    gateway.served[4] = Buffer.from('{"type":"delivery", "at":"x"}');
    await expect(verifyLog(gateway, keys.publicKey, statePath)).rejects.toThrow(
      'entry 4 is not a canonical ledger entry: leaf bytes are not the RFC 8785 canonical form of their own JSON',
    );
  });
});
