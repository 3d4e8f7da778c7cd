import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A personal API token for scripts (Authorization: Bearer bnp_…); only its digest is kept. */
@Entity('api_token')
@Index(['personId'])
export class ApiTokenEntity {
  /** UUID, what the person names to revoke it. */
  @PrimaryColumn('varchar')
  id!: string;

  @Column('varchar')
  personId!: string;

  @Column('varchar')
  name!: string;

  /** SHA-256 (hex) of the token. */
  @Column('varchar', { unique: true })
  digest!: string;

  @Column('varchar')
  createdAt!: string;

  @Column('varchar', { nullable: true })
  lastUsedAt!: string | null;

  @Column('varchar', { nullable: true })
  expiresAt!: string | null;

  /** Set when revoked: the token is refused from that instant. */
  @Column('varchar', { nullable: true })
  revokedAt!: string | null;
}
