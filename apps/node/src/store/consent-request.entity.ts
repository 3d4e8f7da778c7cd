import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ConsentPurpose } from '@bureaunet/contracts';

export const CONSENT_DIRECTIONS = ['incoming', 'outgoing'] as const;
export type ConsentDirection = (typeof CONSENT_DIRECTIONS)[number];

export const CONSENT_STATES = ['pending', 'granted', 'refused'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

/**
 * A consent request this bureau sent to a data owner (outgoing) or received as the owner
 * (incoming), and the owner's signed decision once it is made. Both are envelopes in the
 * ledger; this row is the node's view of where the request stands.
 */
@Entity('consent_request')
@Index(['direction', 'createdAt'])
@Index(['messageId'])
@Index(['envelopeId'])
export class ConsentRequestEntity {
  /** The consent-request envelope's id. */
  @PrimaryColumn('varchar')
  id!: string;

  @Column('varchar')
  direction!: ConsentDirection;

  /** Outgoing: the received message it was asked from; incoming: the owner's envelope it is about. */
  @Column('varchar')
  messageId!: string;

  /** meta.consent.envelopeId: the owner's envelope that carries the handling code. */
  @Column('varchar')
  envelopeId!: string;

  @Column('varchar')
  asker!: string;

  @Column('varchar')
  owner!: string;

  @Column('varchar')
  purpose!: ConsentPurpose;

  /** onward-sharing: the bureaus asked for (and, once granted, those granted). */
  @Column('simple-json', { nullable: true })
  bureaus!: string[] | null;

  /** The asker's words to the owner (sent encrypted; kept here for both ends' officers). */
  @Column('text', { nullable: true })
  note!: string | null;

  @Column('varchar')
  state!: ConsentState;

  @Column('varchar')
  createdAt!: string;

  /** The consent-decision envelope's id. */
  @Column('varchar', { nullable: true })
  decisionId!: string | null;

  @Column('varchar', { nullable: true })
  decidedAt!: string | null;

  /** Incoming: who decided here ("person:<username>" or "role:<role>"). */
  @Column('varchar', { nullable: true })
  decidedBy!: string | null;

  /** A grant holds until then. */
  @Column('varchar', { nullable: true })
  expiresAt!: string | null;

  /** A refusal's reason. */
  @Column('text', { nullable: true })
  reason!: string | null;
}
