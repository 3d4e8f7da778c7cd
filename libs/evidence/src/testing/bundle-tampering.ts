import type { EvidenceBundle } from '../evidence-bundle.schema';
import { b64url } from './evidence-bundle.fixture';

/** One change to a valid bundle and the piece a verifier must name for it. */
export interface Tampering {
  what: string;
  piece: string;
  change: (bundle: EvidenceBundle) => void;
}

/** Flips one character of the base64url payload inside a wrapped JWS: one signed byte changes. */
export function flipPayload(wrapped: string): string {
  const jws = JSON.parse(Buffer.from(wrapped, 'base64url').toString('utf8')) as { payload: string };
  const at = Math.floor(jws.payload.length / 2);
  jws.payload = jws.payload.slice(0, at) + (jws.payload[at] === 'A' ? 'B' : 'A') + jws.payload.slice(at + 1);
  return b64url(JSON.stringify(jws));
}

export function flipBase64(value: string, at = 0): string {
  const bytes = Buffer.from(value, 'base64');
  bytes[at] = (bytes[at] ?? 0) ^ 1;
  return bytes.toString('base64');
}

/** Flips one bit of the signature line of `name` at byte `at` (0–3 key ID, 4–11 time, 12– signature). */
export function flipNoteSignature(checkpoint: string, name: string, at: number): string {
  return checkpoint
    .split('\n')
    .map((line) => {
      const [dash, lineName, signature] = line.split(' ');
      return dash === '\u2014' && lineName === name ? `${dash} ${lineName} ${flipBase64(signature ?? '', at)}` : line;
    })
    .join('\n');
}

export function tampered(bundle: EvidenceBundle, change: (bundle: EvidenceBundle) => void): EvidenceBundle {
  const copy = structuredClone(bundle);
  change(copy);
  return copy;
}

export const TAMPERINGS: readonly Tampering[] = [
  { what: 'an envelope byte', piece: 'envelope', change: (b) => (b.envelope = flipPayload(b.envelope)) },
  { what: 'a receipt', piece: 'receipt[1]', change: (b) => (b.receipts[1] = flipPayload(b.receipts[1] ?? '')) },
  { what: 'a delivery report', piece: 'report[0]', change: (b) => (b.reports[0] = flipPayload(b.reports[0] ?? '')) },
  {
    what: 'a proof hash',
    piece: 'entry[1]',
    change: (b) => (b.entries[1].audit_path[0] = flipBase64(b.entries[1].audit_path[0] ?? '')),
  },
  { what: 'a leaf index', piece: 'entry[0]', change: (b) => (b.entries[0].leaf_index += 1) },
  {
    what: 'a revocation statement',
    piece: 'status[1]',
    change: (b) => (b.statuses[1] = flipPayload(b.statuses[1] ?? '')),
  },
  { what: 'the policy text', piece: 'policy:3:MR', change: (b) => (b.policies[0].text += ' ') },
  {
    what: 'the plaintext',
    piece: 'plaintext',
    change: (b) => {
      if (b.plaintext) b.plaintext.content = b64url('{"body":"something else"}');
    },
  },
  {
    what: 'the checkpoint size',
    piece: 'checkpoint',
    change: (b) => (b.checkpoint = b.checkpoint.replace(/\n(\d+)\n/, (_, n: string) => `\n${Number(n) + 1}\n`)),
  },
  {
    what: 'a witness cosignature',
    piece: 'cosignatures',
    change: (b) => (b.checkpoint = flipNoteSignature(b.checkpoint, 'dpa.example/witness', 20)),
  },
  {
    what: 'the bundled CA',
    piece: 'certificate:ca',
    change: (b) => (b.certificates.ca = b.certificates.gateway),
  },
  {
    what: 'two of three cosignatures (quorum 2)',
    piece: 'cosignatures',
    change: (b) =>
      (b.checkpoint = b.checkpoint
        .split('\n')
        .filter((line) => !/^\u2014 (dpa|court)\.example\/witness /.test(line))
        .join('\n')),
  },
  { what: 'the acceptance entry', piece: 'ledger-link', change: (b) => b.entries.shift() },
  { what: 'the format', piece: 'format', change: (b) => ((b as { format: string }).format = 'bureaunet-evidence/2') },
];

/** Changes to the RFC 3161 time-stamp, which only a verifier trusting the TSA checks. */
export const TIMESTAMP_TAMPERINGS: readonly Tampering[] = [
  {
    what: 'a byte of the time-stamp token',
    piece: 'timestamp',
    change: (b) => {
      if (b.timestamp)
        b.timestamp.token = flipBase64(b.timestamp.token, Buffer.from(b.timestamp.token, 'base64').length - 3);
    },
  },
  {
    what: "the TSA's CA",
    piece: 'timestamp',
    change: (b) => {
      if (b.timestamp) b.timestamp.tsa_ca = b.certificates.ca;
    },
  },
  {
    what: 'the checkpoint the token is over (its root)',
    piece: 'timestamp',
    change: (b) =>
      (b.checkpoint = b.checkpoint.replace(
        /\n([A-Za-z0-9+/]{43}=)\n/,
        (_, root: string) => `\n${flipBase64(root, 31)}\n`,
      )),
  },
];
