import { Column, Entity, PrimaryColumn } from 'typeorm';
import { INT64 } from '@bureaunet/persistence';

/** A registry event already in the ledger: a second copy of its id is acknowledged without a second entry. */
@Entity('ledger_registry_event')
export class RecordedRegistryEventEntity {
  @PrimaryColumn({ name: 'event_id', type: 'varchar', length: 36 })
  eventId!: string;

  @Column({ name: 'leaf_index', type: INT64 })
  leafIndex!: number;

  @Column({ name: 'recorded_at', type: 'varchar', length: 30 })
  recordedAt!: string;
}
