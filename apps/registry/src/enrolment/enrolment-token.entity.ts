import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A one-time enrolment token. Only its SHA-256 is kept: a copy of the database enrols no one. */
@Entity('enrolment_token')
export class EnrolmentTokenEntity {
  /** Lower-case hex SHA-256 of the token as given to the bureau. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  tokenHash!: string;

  /** The only bureau this token enrols. */
  @Column({ type: 'varchar', length: 2 })
  code!: string;

  @Column({ type: Date })
  expiresAt!: Date;

  @Column({ type: Date, nullable: true })
  usedAt!: Date | null;

  @Column({ type: Date })
  createdAt!: Date;
}
