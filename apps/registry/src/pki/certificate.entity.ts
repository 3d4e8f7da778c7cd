import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CertificateUse } from './certificate.issuer';

@Entity('certificate')
@Index(['code', 'use'])
export class CertificateEntity {
  /** Lower-case hex. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  serial!: string;

  @Column({ type: 'varchar', length: 2 })
  code!: string;

  @Column({ type: 'varchar', length: 16 })
  use!: CertificateUse;

  @Column({ type: 'text' })
  pem!: string;

  @Column({ type: Date })
  notBefore!: Date;

  @Column({ type: Date })
  notAfter!: Date;

  @Column({ type: Date, nullable: true })
  revokedAt!: Date | null;

  /** Set when a renewal replaced it: still honoured, not revoked, until then (never past notAfter). */
  @Column({ type: Date, nullable: true })
  overlapUntil!: Date | null;

  @Column({ type: Date })
  createdAt!: Date;
}
