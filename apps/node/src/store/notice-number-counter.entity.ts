import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The last notice number the hub gave in a year (A-<last>/<year>). Advanced in the transaction
 * that publishes the notice (notice-number.counter.ts), so a number is given once, and given back
 * when that transaction rolls back.
 */
@Entity('notice_number_counter')
export class NoticeNumberCounterEntity {
  @PrimaryColumn('integer')
  year!: number;

  @Column('integer')
  last!: number;
}
