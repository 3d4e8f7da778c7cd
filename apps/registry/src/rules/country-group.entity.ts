import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CountryGroupKind } from '@bureaunet/contracts';

/** A country group of the rules: its members' Cedar parent and a `group:<id>` scope in `to`. */
@Entity('country_group')
export class CountryGroupEntity {
  @PrimaryColumn({ type: 'varchar', length: 48 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: CountryGroupKind;

  /** JSON array of bureau codes, sorted. */
  @Column({ type: 'text' })
  members!: string;

  @Column({ type: 'varchar', length: 30 })
  updatedAt!: string;

  /** The rules version of its last change. */
  @Column({ type: 'integer' })
  version!: number;
}
