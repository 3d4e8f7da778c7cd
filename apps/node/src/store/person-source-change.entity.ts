import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The trigger-kept change log keeps this many of the latest changes; older ones are pruned. */
export const PERSON_SOURCE_CHANGE_WINDOW = 10_000;

/**
 * One change to a notice or diffusion row, written by triggers on those tables (migration
 * PersonSourceChange, one for each dialect), never by the code that changes them: whoever writes a notice or a diffusion
 * (the inbox, the hub's steps, a repair by hand) leaves a line here in the same transaction. The
 * person checks' in-memory index reads the lines after the last one it applied, so a check costs
 * one primary-key range read when nothing changed. The triggers keep only the latest
 * PERSON_SOURCE_CHANGE_WINDOW lines; a reader that fell further behind rebuilds. On PostgreSQL a
 * rolled-back line leaves a gap in seq (a sequence gives no number back), and lines are in commit
 * order only while one process writes.
 */
@Entity('person_source_change')
export class PersonSourceChangeEntity {
  /** AUTOINCREMENT: never reused after pruning, so "after seq" stays meaningful. */
  @PrimaryGeneratedColumn()
  seq!: number;

  @Column('varchar')
  source!: 'notice' | 'diffusion';

  /** The notice number or the diffusion id. */
  @Column('varchar')
  reference!: string;
}
