import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** How a session was opened: it decides, e.g., whether a password change needs the current one. */
export type SessionVia = 'password' | 'link' | 'oidc';

/** A signed-in browser. The cookie holds the secret; only its digest is kept here. */
@Entity('person_session')
@Index(['personId'])
export class PersonSessionEntity {
  /** SHA-256 (hex) of the cookie's token. */
  @PrimaryColumn('varchar')
  id!: string;

  @Column('varchar')
  personId!: string;

  /** Sent back in x-csrf-token on every unsafe request (the page reads it from GET /api/session). */
  @Column('varchar')
  csrfToken!: string;

  @Column('varchar')
  createdAt!: string;

  @Column('varchar')
  lastSeenAt!: string;

  /** The absolute end (createdAt + the absolute lifetime); the idle end moves with lastSeenAt. */
  @Column('varchar')
  expiresAt!: string;

  @Column('varchar')
  via!: SessionVia;
}
