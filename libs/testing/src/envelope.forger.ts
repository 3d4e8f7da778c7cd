import { createPrivateKey, randomUUID, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENVELOPE_TYP, PROTOCOL_VERSION, type EnvelopeMeta, type MessageKind } from '@bureaunet/contracts';
import { certificateKid, envelopeDigest, JWE_CONTENT_ENCRYPTION_ALGORITHM, JWE_KEY_MANAGEMENT_ALGORITHM, JWS_ALGORITHM } from '@bureaunet/crypto';
import { FlattenedSign, GeneralEncrypt } from 'jose';

export interface ForgeRequest {
  to: readonly string[];
  kind?: MessageKind;
  meta?: EnvelopeMeta;
  /** Default now and now + 1 h. */
  createdAt?: Date;
  expiresAt?: Date;
  /**
   * The exact plaintext of the content, e.g. a body nested 10,000 levels deep that no
   * JSON.stringify (and so no node) could produce. Default {"body":{"text":"forged"}}.
   */
  plaintext?: string;
}

export interface ForgedEnvelope {
  id: string;
  serialized: string;
  digest: string;
}

/**
 * Seals envelopes as a bureau of a test network, with that node's own key files, the way its
 * node does (JWE entry per addressee bound by bn_id/bn_from, Ed25519 JWS) — but with whatever
 * plaintext, times and addressees an attacker holding the key would choose.
 */
export class EnvelopeForger {
  private constructor(
    private readonly code: string,
    private readonly signingKey: KeyObject,
    private readonly signingKid: string,
    private readonly recipients: ReadonlyMap<string, { kid: string; key: KeyObject }>,
  ) {}

  /** `nodeDir(code)`: the node's data folder (its identity files), e.g. join(network.dataDir, `node-${code}`). */
  static load(code: string, recipientCodes: readonly string[], nodeDir: (code: string) => string): EnvelopeForger {
    const dir = nodeDir(code);
    const signingKey = createPrivateKey(readFileSync(join(dir, 'signing.key.pem'), 'utf8'));
    const signingKid = certificateKid(new X509Certificate(readFileSync(join(dir, 'signing.crt.pem'), 'utf8')));
    const recipients = new Map(
      recipientCodes.map((recipient) => {
        const certificate = new X509Certificate(readFileSync(join(nodeDir(recipient), 'encryption.crt.pem'), 'utf8'));
        return [recipient, { kid: certificateKid(certificate), key: certificate.publicKey }] as const;
      }),
    );
    return new EnvelopeForger(code, signingKey, signingKid, recipients);
  }

  async seal(request: ForgeRequest): Promise<ForgedEnvelope> {
    const id = randomUUID();
    const createdAt = request.createdAt ?? new Date();
    const expiresAt = request.expiresAt ?? new Date(createdAt.getTime() + 3_600_000);
    const encrypter = new GeneralEncrypt(new TextEncoder().encode(request.plaintext ?? '{"body":{"text":"forged"}}')).setProtectedHeader({
      enc: JWE_CONTENT_ENCRYPTION_ALGORITHM,
      bn_id: id,
      bn_from: this.code,
    });
    for (const code of request.to) {
      const recipient = this.recipients.get(code);
      if (!recipient) throw new Error(`the forger was not loaded with ${code}'s encryption certificate`);
      encrypter.addRecipient(recipient.key).setUnprotectedHeader({ alg: JWE_KEY_MANAGEMENT_ALGORITHM, kid: recipient.kid, bn_to: code });
    }
    const payload = {
      v: PROTOCOL_VERSION,
      id,
      kind: request.kind ?? 'message',
      from: this.code,
      to: request.to,
      createdAt: createdAt.toISOString(),
      expiresAt: expiresAt.toISOString(),
      meta: request.meta ?? {},
      content: await encrypter.encrypt(),
    };
    const signed = await new FlattenedSign(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader({ alg: JWS_ALGORITHM, kid: this.signingKid, typ: ENVELOPE_TYP })
      .sign(this.signingKey);
    const jws = { protected: signed.protected ?? '', payload: signed.payload ?? '', signature: signed.signature };
    return { id, serialized: JSON.stringify(jws), digest: envelopeDigest(jws) };
  }
}
