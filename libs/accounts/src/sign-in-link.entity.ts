import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A one-time sign-in link an administrator issued; only the digest of its token is kept. */
@Entity('sign_in_link')
@Index(['personId'])
export class SignInLinkEntity {
  /** SHA-256 (hex) of the link's token. */
  @PrimaryColumn('varchar')
  digest!: string;

  @Column('varchar')
  personId!: string;

  @Column('varchar')
  expiresAt!: string;

  /** Set at first use: a link signs in once. */
  @Column('varchar', { nullable: true })
  usedAt!: string | null;
}
