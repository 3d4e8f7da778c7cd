import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type TsaKeyType = 'rsa' | 'ec';

/** A throw-away time-stamping authority made with openssl in a temp dir: tests and local runs only. */
export interface OpensslTsa {
  dir: string;
  /** The TSA's CA certificate (PEM) and its path: what a verifier trusts. */
  caPem: string;
  caPath: string;
  /** Answers a DER TimeStampReq with `openssl ts -reply`: the DER TimeStampResp. One at a time. */
  reply(query: Uint8Array): Promise<Buffer>;
  /**
   * Signs `token`'s TSTInfo again under a certificate of the same CA whose extended key usage is
   * `usage` (`none` to leave it out), as `openssl ts -reply` would refuse to: for negative tests.
   */
  resign(token: Uint8Array, usage: 'none' | 'non-critical'): Promise<Buffer>;
  /** Whether `openssl ts -verify` accepts `token` for the SHA-256 `digest` under this CA. */
  opensslVerifies(token: Uint8Array, digest: Uint8Array, caPath?: string): Promise<boolean>;
  remove(): Promise<void>;
}

const TSA_CONFIG = `[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
serial = ./serial
crypto_device = builtin
signer_digest = sha256
default_policy = 1.3.6.1.4.1.99999.3161.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = no
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`;

const KEY_ARGS: Record<TsaKeyType, string[]> = {
  rsa: ['-newkey', 'rsa:2048'],
  ec: ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'],
};

export interface OpensslTsaOptions {
  key?: TsaKeyType;
  name?: string;
  /**
   * A folder to keep the CA, keys and serial in across runs (0700; reused when it holds them), for
   * `npm start`. Without it, a temp dir that `remove` deletes.
   */
  dir?: string;
}

/** Makes a CA and a TSA certificate (EKU id-kp-timeStamping, critical) with openssl. */
export async function createOpensslTsa(options: OpensslTsaOptions = {}): Promise<OpensslTsa> {
  const kept = options.dir !== undefined;
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'bureaunet-tsa-')));
  if (kept) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await chmod(dir, 0o700);
  }
  const openssl = async (...args: string[]) => (await run('openssl', args, { cwd: dir, encoding: 'buffer' })).stdout;
  const name = options.name ?? 'bureaunet test TSA';
  // A kept TSA lives for years; a throw-away one for a day.
  const [caDays, tsaDays] = kept ? ['3650', '825'] : ['2', '1'];
  const issue = async (out: string, extensions: string[]) => {
    await writeFile(
      join(dir, `${out}.ext`),
      ['basicConstraints=critical,CA:false', 'keyUsage=critical,digitalSignature', ...extensions].join('\n'),
    );
    const serial = `0x${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    await openssl(
      'x509',
      '-req',
      '-in',
      'tsa.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-set_serial',
      serial,
      '-days',
      tsaDays,
      '-out',
      `${out}.pem`,
      '-extfile',
      `${out}.ext`,
    );
  };
  if (!(kept && existsSync(join(dir, 'tsa.pem')) && existsSync(join(dir, 'serial')))) {
    await openssl(
      'req',
      '-x509',
      ...KEY_ARGS.ec,
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      caDays,
      '-subj',
      `/CN=${name} CA`,
      '-addext',
      'basicConstraints=critical,CA:true',
      '-addext',
      'keyUsage=critical,keyCertSign',
    );
    await openssl(
      'req',
      ...KEY_ARGS[options.key ?? 'rsa'],
      '-nodes',
      '-keyout',
      'tsa.key',
      '-out',
      'tsa.csr',
      '-subj',
      `/CN=${name}`,
    );
    await issue('tsa', ['extendedKeyUsage=critical,timeStamping']);
    await writeFile(join(dir, 'serial'), '01\n');
  }
  await writeFile(join(dir, 'tsa.cnf'), TSA_CONFIG);
  const caPath = join(dir, 'ca.pem');
  let queue: Promise<unknown> = Promise.resolve();

  const reply = (query: Uint8Array): Promise<Buffer> => {
    const answer = queue.then(async () => {
      const id = randomUUID();
      await writeFile(join(dir, `${id}.tsq`), query);
      try {
        await openssl(
          'ts',
          '-reply',
          '-config',
          'tsa.cnf',
          '-queryfile',
          `${id}.tsq`,
          '-signer',
          'tsa.pem',
          '-inkey',
          'tsa.key',
          '-out',
          `${id}.tsr`,
        );
        return await readFile(join(dir, `${id}.tsr`));
      } finally {
        await rm(join(dir, `${id}.tsq`), { force: true });
        await rm(join(dir, `${id}.tsr`), { force: true });
      }
    });
    queue = answer.catch(() => undefined); // one failed answer does not stop the next
    return answer;
  };

  const resign = async (token: Uint8Array, usage: 'none' | 'non-critical'): Promise<Buffer> => {
    await issue(usage, usage === 'none' ? [] : ['extendedKeyUsage=timeStamping']);
    await writeFile(join(dir, 'token.der'), token);
    await openssl(
      'cms',
      '-verify',
      '-noverify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      'token.der',
      '-out',
      'tstinfo.der',
    );
    return openssl(
      'cms',
      '-sign',
      '-binary',
      '-nodetach',
      '-cades',
      '-nosmimecap',
      '-md',
      'sha256',
      '-in',
      'tstinfo.der',
      '-econtent_type',
      '1.2.840.113549.1.9.16.1.4',
      '-signer',
      `${usage}.pem`,
      '-inkey',
      'tsa.key',
      '-outform',
      'DER',
    );
  };

  const opensslVerifies = async (token: Uint8Array, digest: Uint8Array, trusted = caPath): Promise<boolean> => {
    const file = join(dir, `${randomUUID()}.tst`);
    await writeFile(file, token);
    try {
      await openssl(
        'ts',
        '-verify',
        '-token_in',
        '-in',
        file,
        '-digest',
        Buffer.from(digest).toString('hex'),
        '-CAfile',
        trusted,
      );
      return true;
    } catch {
      return false;
    } finally {
      await rm(file, { force: true });
    }
  };

  return {
    dir,
    caPem: await readFile(caPath, 'utf8'),
    caPath,
    reply,
    resign,
    opensslVerifies,
    remove: () => (kept ? Promise.resolve() : rm(dir, { recursive: true, force: true })),
  };
}
