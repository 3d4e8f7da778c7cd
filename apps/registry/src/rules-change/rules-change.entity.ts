import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One change to the access rules (policy set, limits, declaration, operation). The versions of
 * these rows are the rules versions: the bundle in force has the highest one.
 */
@Entity('rules_change')
export class RulesChangeEntity {
  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar', length: 32 })
  type!: string;

  /** The bureau the change is about, when one is (the declarer, the coordinator). */
  @Column({ type: 'varchar', length: 2, nullable: true })
  code!: string | null;

  /** JSON of what changed. */
  @Column({ type: 'text' })
  data!: string;

  @Column({ type: 'varchar', length: 80 })
  author!: string;

  @Column({ type: 'varchar', length: 30 })
  at!: string;
}
