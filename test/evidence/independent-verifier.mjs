#!/usr/bin/env node
// A second verifier of bureaunet evidence bundles, written from docs/evidence.md alone: plain
// JavaScript, node:crypto and node:fs, no project code. Prints "ok", or each failed piece
// ("FAIL <piece>: <reason>") and exits 1.
//
//   node independent-verifier.mjs bundle.json trust.json
//   trust.json: {"ca": "<PEM>", "witnesses": [{"name", "publicKey": "<base64 32 bytes>"}], "quorum", "now"}
import { createDecipheriv, createHash, createPublicKey, verify, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';

const sha256 = (...parts) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};
const fromB64url = (text) => Buffer.from(text, 'base64url');
const ed25519Key = (raw) =>
  createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') }, format: 'jwk' });
const rawKey = (keyObject) => Buffer.from(keyObject.export({ format: 'jwk' }).x, 'base64url');

const failures = [];
function check(piece, fn) {
  try {
    return fn();
  } catch (error) {
    failures.push(`${piece}: ${error.message}`);
    return undefined;
  }
}
function must(condition, message) {
  if (!condition) throw new Error(message);
}

function openJws(wrapped) {
  const jws = JSON.parse(fromB64url(wrapped).toString('utf8'));
  must(typeof jws.protected === 'string' && typeof jws.payload === 'string', 'not a flattened JWS');
  const header = JSON.parse(fromB64url(jws.protected).toString('utf8'));
  must(header.alg === 'EdDSA' && header.crit === undefined, 'alg is not EdDSA or crit is set');
  const signingInput = Buffer.from(`${jws.protected}.${jws.payload}`, 'ascii');
  return {
    header,
    payload: JSON.parse(fromB64url(jws.payload).toString('utf8')),
    digest: sha256(signingInput).toString('base64url'),
    verifiedBy: (key) => verify(null, signingInput, key, fromB64url(jws.signature)),
  };
}

function cn(cert) {
  const names = cert.subject.split('\n').filter((line) => line.startsWith('CN='));
  must(names.length === 1, 'certificate has not exactly one CN');
  return names[0].slice(3);
}

// --- certificates and statuses --------------------------------------------------------------
function loadCertificates(bundle, trust) {
  const known = new Map();
  const ca = check('certificate:ca', () => {
    const cert = new X509Certificate(bundle.certificates.ca);
    must(cert.raw.equals(new X509Certificate(trust.ca).raw), 'not the trusted CA');
    return cert;
  });
  if (!ca) return { known };
  const issued = (pem, piece, code) =>
    check(piece, () => {
      const cert = new X509Certificate(pem);
      must(cert.checkIssued(ca) && cert.verify(ca.publicKey), 'not issued by the CA');
      must(!cert.ca && cert.publicKey.asymmetricKeyType === 'ed25519', 'a CA or not Ed25519');
      must(code === undefined || cn(cert) === code, `CN is not ${code}`);
      const entry = { cert, code: cn(cert), kid: sha256(cert.raw).toString('base64url'), statuses: [] };
      known.set(entry.kid, entry);
      return entry;
    });
  const registry = issued(bundle.certificates.registry, 'certificate:registry', 'XR');
  known.delete(registry?.kid); // the registry signs statements, not messages
  const gateway = issued(bundle.certificates.gateway, 'certificate:gateway', 'XG');
  bundle.certificates.bureaus.forEach((pem, i) => issued(pem, `certificate:bureaus[${i}]`));
  bundle.statuses.forEach((wrapped, i) =>
    check(`status[${i}]`, () => {
      must(registry, 'no registry certificate');
      const jws = openJws(wrapped);
      must(jws.header.kid === registry.kid && jws.verifiedBy(registry.cert.publicKey), 'not signed by the registry');
      must(jws.header.typ === 'bureaunet-certificate-status+jws', 'wrong typ');
      const s = jws.payload;
      must(Object.keys(s).sort().join() === 'asOf,code,expiresAt,fingerprint,status', 'wrong members');
      must(['good', 'revoked', 'suspended'].includes(s.status), 'unknown status');
      must(Date.parse(s.expiresAt) > Date.parse(s.asOf), 'expires before it is dated');
      const subject = known.get(s.fingerprint);
      must(subject && subject.code === s.code, 'about no certificate of the bundle under that code');
      subject.statuses.push(s);
    }),
  );
  return { known, gateway };
}

function assertStanding(signer, at) {
  const t = Date.parse(at);
  must(t >= Date.parse(signer.cert.validFrom) && t <= Date.parse(signer.cert.validTo), 'certificate not valid then');
  const inForce = (s) => Date.parse(s.asOf) <= t && t <= Date.parse(s.expiresAt);
  must(!signer.statuses.some((s) => s.status === 'revoked' && Date.parse(s.asOf) <= t), 'revoked then');
  must(!signer.statuses.some((s) => s.status === 'suspended' && inForce(s)), 'suspended then');
  must(
    signer.statuses.some((s) => s.status === 'good' && inForce(s)),
    'no good status statement in force then',
  );
}

function signedBy(jws, known, typ) {
  must(jws.header.typ === typ, `typ is not ${typ}`);
  const signer = known.get(jws.header.kid);
  must(signer && jws.verifiedBy(signer.cert.publicKey), 'signature does not verify under a bundle certificate');
  return signer;
}

// --- signed objects -------------------------------------------------------------------------
function checkMessages(bundle, certs) {
  let envelope;
  check('envelope', () => {
    envelope = openJws(bundle.envelope);
    const signer = signedBy(envelope, certs.known, 'bureaunet-envelope+jws');
    must(envelope.payload.id === bundle.message_id && envelope.payload.from === signer.code, 'id or from differ');
    assertStanding(signer, envelope.payload.createdAt);
  });
  bundle.reports.forEach((wrapped, i) =>
    check(`report[${i}]`, () => {
      const jws = openJws(wrapped);
      const signer = signedBy(jws, certs.known, 'bureaunet-report+jws');
      must(signer === certs.gateway, 'not signed by the gateway');
      const r = jws.payload;
      must(r.kind === 'delivery-report' && r.envelopeId === bundle.message_id, 'not a report about the message');
      must(r.envelopeDigest === undefined || r.envelopeDigest === envelope?.digest, 'names another digest');
      assertStanding(signer, r.createdAt);
    }),
  );
  bundle.receipts.forEach((wrapped, i) =>
    check(`receipt[${i}]`, () => {
      const jws = openJws(wrapped);
      const signer = signedBy(jws, certs.known, 'bureaunet-envelope+jws');
      const r = jws.payload;
      must(r.kind === 'receipt' && r.from === signer.code, 'not a receipt from its signer');
      const { id, digest } = r.meta?.receiptFor ?? {};
      must(id === bundle.message_id && digest === envelope?.digest, 'names another envelope');
      assertStanding(signer, r.createdAt);
    }),
  );
  return envelope;
}

// --- checkpoint, cosignatures, entries --------------------------------------------------------
function parseNote(note) {
  const split = note.lastIndexOf('\n\n');
  must(split > 0 && note.endsWith('\n'), 'no blank line before signatures');
  const text = note.slice(0, split + 1);
  const signatures = note
    .slice(split + 2, -1)
    .split('\n')
    .map((line) => {
      const [dash, name, b64, extra] = line.split(' ');
      must(dash === '\u2014' && name && b64 && extra === undefined, 'bad signature line');
      const bytes = Buffer.from(b64, 'base64');
      return { name, keyId: bytes.subarray(0, 4), body: bytes.subarray(4) };
    });
  const [origin, size, root] = text.split('\n');
  must(/^(0|[1-9][0-9]*)$/.test(size), 'bad tree size');
  const rootHash = Buffer.from(root, 'base64');
  must(rootHash.length === 32, 'bad root hash');
  return { text, signatures, origin, size: Number(size), rootHash };
}

const keyId = (name, type, raw) => sha256(Buffer.from(`${name}\n`), Buffer.of(type), raw).subarray(0, 4);

function checkCheckpoint(bundle, certs) {
  return check('checkpoint', () => {
    must(certs.gateway, 'no gateway certificate');
    const note = parseNote(bundle.checkpoint);
    const id = keyId(note.origin, 0x01, rawKey(certs.gateway.cert.publicKey));
    const mine = note.signatures.filter((s) => s.name === note.origin && s.keyId.equals(id));
    must(mine.length > 0, 'not signed by the gateway');
    for (const s of mine)
      must(verify(null, Buffer.from(note.text), certs.gateway.cert.publicKey, s.body), 'bad signature');
    return note;
  });
}

function checkCosignatures(note, trust) {
  check('cosignatures', () => {
    must(note, 'no checkpoint');
    let count = 0;
    for (const witness of trust.witnesses) {
      const raw = Buffer.from(witness.publicKey, 'base64');
      const id = keyId(witness.name, 0x04, raw);
      const lines = note.signatures.filter((s) => s.name === witness.name && s.keyId.equals(id));
      for (const line of lines) {
        must(line.body.length === 72, `${witness.name}: not 72 bytes`);
        const time = line.body.readBigUInt64BE(0);
        must(time * 1000n <= BigInt(Date.parse(trust.now)), `${witness.name}: dated in the future`);
        const message = Buffer.from(`cosignature/v1\ntime ${time}\n${note.text}`);
        must(verify(null, message, ed25519Key(raw), line.body.subarray(8)), `${witness.name}: bad cosignature`);
      }
      if (lines.length > 0) count += 1;
    }
    must(count >= trust.quorum, `${count} witnesses, quorum ${trust.quorum}`);
  });
}

// RFC 9162 2.1.3.2, as written there.
function inclusionRoot(leafHash, index, size, path) {
  must(index < size, 'leaf index beyond the tree');
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of path) {
    must(sn !== 0, 'proof too long');
    if (fn % 2 === 1 || fn === sn) {
      r = sha256(Buffer.of(1), p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = sha256(Buffer.of(1), r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  must(sn === 0, 'proof too short');
  return r;
}

// RFC 8785: ECMAScript JSON.stringify of primitives with members sorted by UTF-16 code units.
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
}

function checkEntries(bundle, note) {
  const proven = [];
  bundle.entries.forEach((item, i) =>
    check(`entry[${i}]`, () => {
      const leaf = Buffer.from(item.leaf_input, 'base64');
      const entry = JSON.parse(leaf.toString('utf8'));
      must(Buffer.from(canonical(entry)).equals(leaf), 'not canonical JSON');
      must(entry.envelopeId === bundle.message_id, 'about another message');
      must(note, 'no checkpoint');
      const path = item.audit_path.map((h) => Buffer.from(h, 'base64'));
      const root = inclusionRoot(sha256(Buffer.of(0), leaf), item.leaf_index, note.size, path);
      must(root.equals(note.rootHash), 'proof does not lead to the checkpoint root');
      proven.push(entry);
    }),
  );
  return proven;
}

// --- the rest --------------------------------------------------------------------------------
function checkLinks(bundle, envelope, proven) {
  check('ledger-link', () => {
    must(
      proven.some((e) => e.type === 'submission-accepted' && e.digest === envelope?.digest),
      'no acceptance',
    );
  });
  for (const e of proven.filter((x) => x.type === 'delivery' || x.type === 'recipient-refused')) {
    check(`policy:${e.policyVersion}:${e.to}`, () => {
      const policy = bundle.policies.find((p) => p.version === e.policyVersion);
      must(policy, 'no text for this version');
      must(sha256(Buffer.from(policy.text, 'utf8')).toString('hex') === e.policySha256, 'text digest differs');
    });
  }
  if (bundle.plaintext)
    check('plaintext', () => {
      const jwe = envelope.payload.content;
      must(JSON.parse(fromB64url(jwe.protected).toString()).enc === 'A256GCM', 'enc is not A256GCM');
      const aad = jwe.aad === undefined ? jwe.protected : `${jwe.protected}.${jwe.aad}`;
      const decipher = createDecipheriv('aes-256-gcm', fromB64url(bundle.plaintext.cek), fromB64url(jwe.iv));
      decipher.setAAD(Buffer.from(aad, 'ascii'));
      decipher.setAuthTag(fromB64url(jwe.tag));
      const text = Buffer.concat([decipher.update(fromB64url(jwe.ciphertext)), decipher.final()]);
      must(text.equals(fromB64url(bundle.plaintext.content)), 'decrypts to other bytes');
    });
}

function main([bundlePath, trustPath]) {
  const bundle = JSON.parse(readFileSync(bundlePath, 'utf8'));
  const trust = JSON.parse(readFileSync(trustPath, 'utf8'));
  if (bundle.format !== 'bureaunet-evidence/1') failures.push('format: not bureaunet-evidence/1');
  else {
    const certs = loadCertificates(bundle, trust);
    const envelope = checkMessages(bundle, certs);
    const note = checkCheckpoint(bundle, certs);
    checkCosignatures(note, trust);
    checkLinks(bundle, envelope, checkEntries(bundle, note));
  }
  if (failures.length === 0) console.log('ok');
  for (const failure of failures) console.log(`FAIL ${failure}`);
  process.exitCode = failures.length === 0 ? 0 : 1;
}

main(process.argv.slice(2));
