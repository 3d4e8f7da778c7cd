import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Every border check made at this node, hit or not: who (the role, later the person) and where
 * (the border post), when, and the outcome, never the checked number or name in clear. A document
 * hit keeps the entry's opaque index and owner; a person hit the references that matched.
 */
@Entity('check_log')
@Index(['checkedAt'])
export class CheckLogEntity {
  /** The check id (UUIDv7), also named in a hit notification. */
  @PrimaryColumn('varchar')
  id!: string;

  @Column('varchar')
  kind!: 'document' | 'person';

  @Column('varchar')
  checkedAt!: string;

  /** The role (or, once people have accounts, the person) that made the check. */
  @Column('varchar')
  actor!: string;

  /** The border post or unit named by the checker. */
  @Column('varchar', { nullable: true })
  place!: string | null;

  @Column('varchar')
  outcome!: 'hit' | 'no-hit' | 'undetermined';

  /** The issuing country a document check named (the POPRF's public input). */
  @Column('varchar', { nullable: true })
  issuingCountry!: string | null;

  /** What matched: a document hit's index, or a person hit's notice numbers and diffusion ids with scores. */
  @Column('simple-json', { nullable: true })
  matched!: unknown;

  /** The hit procedure started by this check, when there was a hit. */
  @Column('varchar', { nullable: true })
  hitId!: string | null;
}
