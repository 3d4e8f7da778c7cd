import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The outbox: one row per registry change, written in the transaction that makes the change, and
 * published to the gateway's ledger afterwards. `seq` orders them; `id` is the wire identity.
 */
@Entity('registry_event')
export class RegistryEventEntity {
  @PrimaryGeneratedColumn()
  seq!: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  type!: string;

  @Column({ type: 'varchar', length: 2, nullable: true })
  code!: string | null;

  /** JSON object: metadata and digests only. */
  @Column({ type: 'text' })
  data!: string;

  @Column({ type: 'varchar', length: 30 })
  occurredAt!: string;

  /** When JetStream acknowledged it; null until then. */
  @Index()
  @Column({ type: 'varchar', length: 30, nullable: true })
  publishedAt!: string | null;
}
