import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { INT64 } from './open-data-source';

/**
 * A JetStream message that failed `deadLetterAfter` deliveries for a reason its service could not
 * classify (a refusal is recorded and acked at once): parked here with its exact bytes so the
 * consumer moves on, until an administrator releases it (run again) or drops it. The same table
 * in the node's and the gateway's database.
 */
@Entity('dead_letter')
@Index(['key'], { unique: true })
@Index(['droppedAt'])
export class DeadLetterEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  /** subject + msgId (or the bytes' digest): a copy parked again updates the same row. */
  @Column('varchar')
  key!: string;

  @Column('varchar')
  subject!: string;

  @Column('varchar', { nullable: true })
  msgId!: string | null;

  /** The stream sequence of the latest copy parked. */
  @Column(INT64)
  streamSequence!: number;

  /** Failed deliveries counted by JetStream, plus failed releases. */
  @Column('integer')
  attempts!: number;

  @Column('text')
  lastError!: string;

  @Column('blob')
  raw!: Buffer;

  /** Size of raw, so a listing need not load the bytes. */
  @Column('integer')
  bytes!: number;

  @Column('varchar')
  firstSeenAt!: string;

  @Column('varchar')
  lastSeenAt!: string;

  /** Set when an administrator dropped it: the row stays as the record of what was given up. */
  @Column('varchar', { nullable: true })
  droppedAt!: string | null;
}
