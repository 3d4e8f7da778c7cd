import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Every certificate status statement the registry ever signed: evidence about a past message needs
 * the one that was in force then, so none is updated or deleted. `seq` orders them as issued.
 */
@Entity('status_statement')
@Index(['fingerprint', 'seq'])
export class StatusStatementEntity {
  @PrimaryGeneratedColumn()
  seq!: number;

  /** base64url SHA-256 of the certificate DER. */
  @Column({ type: 'varchar', length: 43 })
  fingerprint!: string;

  @Column({ type: 'varchar', length: 2 })
  code!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: 'good' | 'revoked' | 'suspended';

  @Column({ type: 'varchar', length: 30 })
  asOf!: string;

  @Column({ type: 'varchar', length: 30 })
  expiresAt!: string;

  /** base64url of the flattened JWS JSON bytes, exactly as signed. */
  @Column({ type: 'text' })
  jws!: string;
}
