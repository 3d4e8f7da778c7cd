import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A sender's token bucket (RateLimiter's maths), kept in the database so that every gateway
 * consuming the sender's partition, one after another, continues the same bucket.
 */
@Entity('sender_rate_bucket')
export class SenderRateBucketEntity {
  @PrimaryColumn({ type: 'varchar', length: 2 })
  sender!: string;

  @Column({ type: 'double precision' })
  tokens!: number;

  /** Clock ms of the last refill. */
  @Column({ type: 'bigint' })
  updatedAt!: number;
}
