import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A policy set and rate limits as put in force; the row with the highest version is in force. */
@Entity('policy_set')
export class PolicySetEntity {
  /** The rules version at which this set took effect. */
  @PrimaryColumn({ type: 'integer' })
  version!: number;

  /** Cedar policy text, exactly as the administrator wrote it. */
  @Column({ type: 'text' })
  text!: string;

  /** JSON of the rate limits (RateLimits). */
  @Column({ type: 'text' })
  limits!: string;

  @Column({ type: 'varchar', length: 30 })
  createdAt!: string;

  /** Who made the change: "person:<username>" or "role:<role>" ("system" for the registry's first set). */
  @Column({ type: 'varchar', length: 80 })
  author!: string;
}
