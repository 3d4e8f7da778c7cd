// @peculiar/x509 resolves its ASN.1 helpers through tsyringe, which needs the reflect polyfill first.
import 'reflect-metadata';
import { X509Certificate, createPrivateKey, randomBytes, webcrypto } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto);

/** A local CA and one server certificate for every listener on this machine (NATS and HTTP). */
export interface LocalTls {
  caFile: string;
  certFile: string;
  keyFile: string;
  /** The CA certificate, PEM: what a client trusts. */
  caPem: string;
}

const FILES = { ca: 'ca.crt.pem', cert: 'server.crt.pem', key: 'server.key.pem' } as const;
const P256 = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const VALIDITY_DAYS = 365;
// Certificates about to expire are made anew rather than failing mid-run.
const RENEW_BEFORE_MS = 24 * 3_600_000;

/**
 * Makes (or reuses) a development CA and a server certificate for 127.0.0.1 and localhost in
 * `dir` (0700, key 0600; kept out of git under var/ or a temporary folder). ECDSA P-256: what both
 * nats-server (Go) and Node's TLS take without question.
 */
export async function ensureLocalTls(
  dir: string,
  hosts: { ips: string[]; dns: string[] } = { ips: ['127.0.0.1'], dns: ['localhost'] },
): Promise<LocalTls> {
  const paths = { caFile: join(dir, FILES.ca), certFile: join(dir, FILES.cert), keyFile: join(dir, FILES.key) };
  if (stillValid(paths.caFile) && stillValid(paths.certFile) && existsSync(paths.keyFile))
    return { ...paths, caPem: readFileSync(paths.caFile, 'utf8') };
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const now = new Date();
  const notAfter = new Date(now.getTime() + VALIDITY_DAYS * 86_400_000);
  const notBefore = new Date(now.getTime() - 5 * 60_000);
  const caKeys = await webcrypto.subtle.generateKey(P256, true, ['sign', 'verify']);
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomBytes(16)
      .toString('hex')
      .replace(/^[89a-f]/, '1'),
    name: 'CN=bureaunet local TLS CA, O=bureaunet',
    notBefore,
    notAfter,
    signingAlgorithm: P256,
    keys: caKeys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const serverKeys = await webcrypto.subtle.generateKey(P256, true, ['sign', 'verify']);
  const server = await x509.X509CertificateGenerator.create({
    serialNumber: randomBytes(16)
      .toString('hex')
      .replace(/^[89a-f]/, '1'),
    subject: 'CN=bureaunet local services, O=bureaunet',
    issuer: ca.subject,
    notBefore,
    notAfter,
    signingAlgorithm: P256,
    publicKey: serverKeys.publicKey,
    signingKey: caKeys.privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        ...hosts.ips.map((value) => ({ type: 'ip' as const, value })),
        ...hosts.dns.map((value) => ({ type: 'dns' as const, value })),
      ]),
      await x509.AuthorityKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', serverKeys.privateKey));
  writeFileSync(
    paths.keyFile,
    createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }).export({ format: 'pem', type: 'pkcs8' }),
    { mode: 0o600 },
  );
  chmodSync(paths.keyFile, 0o600);
  writeFileSync(paths.certFile, `${server.toString('pem')}\n`, { mode: 0o644 });
  writeFileSync(paths.caFile, `${ca.toString('pem')}\n`, { mode: 0o644 });
  return { ...paths, caPem: readFileSync(paths.caFile, 'utf8') };
}

function stillValid(file: string): boolean {
  if (!existsSync(file)) return false;
  return Date.parse(new X509Certificate(readFileSync(file)).validTo) - Date.now() > RENEW_BEFORE_MS;
}
