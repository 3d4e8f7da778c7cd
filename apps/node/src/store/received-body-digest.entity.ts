import { Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A digest of content received in an envelope (body-digest.ts): the node refuses to send it again
 * as new content without meta.forwardOf naming where it came from. No plaintext is kept here.
 */
@Entity('received_body_digest')
@Index(['envelopeId'])
export class ReceivedBodyDigestEntity {
  /** "json:<sha-256>" of the canonical body or "text:<sha-256>" of a normalised text, base64url. */
  @PrimaryColumn('varchar')
  digest!: string;

  @PrimaryColumn('varchar')
  envelopeId!: string;
}
