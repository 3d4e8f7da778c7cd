import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@bureaunet/platform/stateless';
import type { Locale } from './person.fields';

/** One person who may sign in at this service, with the roles they hold here. */
@Entity('person')
export class PersonEntity {
  /** UUID. */
  @PrimaryColumn('varchar')
  id!: string;

  /** Lower case, [a-z0-9._-]{2,64}. */
  @Column('varchar', { unique: true })
  username!: string;

  @Column('varchar')
  displayName!: string;

  @Column('simple-json')
  roles!: Role[];

  /** The border post a border officer is attached to. */
  @Column('varchar', { nullable: true })
  borderPost!: string | null;

  /** Argon2id PHC string; null until the person sets one (through a sign-in link). */
  @Column('varchar', { nullable: true })
  passwordHash!: string | null;

  /** The confirmed TOTP secret (the second factor); null when not enrolled. */
  @Column('varchar', { nullable: true })
  totpSecret!: string | null;

  /** A secret being enrolled, until the person confirms it with a code. */
  @Column('varchar', { nullable: true })
  totpPendingSecret!: string | null;

  /** The last TOTP time step accepted, so a code is never accepted twice. */
  @Column('integer', { nullable: true })
  totpLastStep!: number | null;

  /** The subject this person has at the bureau's OpenID Connect provider. */
  @Column('varchar', { nullable: true, unique: true })
  oidcSubject!: string | null;

  @Column('varchar')
  locale!: Locale;

  /** IANA time zone, checked with Intl. */
  @Column('varchar')
  timeZone!: string;

  /** Wrong passwords in a row since the last good sign-in or lock. */
  @Column('integer', { default: 0 })
  failedSignIns!: number;

  @Column('varchar', { nullable: true })
  lockedUntil!: string | null;

  @Column('boolean', { default: false })
  disabled!: boolean;

  @Column('varchar')
  createdAt!: string;

  @Column('varchar', { nullable: true })
  lastSignInAt!: string | null;
}
