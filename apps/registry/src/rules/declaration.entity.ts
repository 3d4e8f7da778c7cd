import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DeclarationType } from '@bureaunet/contracts';

/** A bilateral declaration one bureau makes about another; removing it deletes the row. */
@Entity('bilateral_declaration')
@Index(['declarer', 'counterpart', 'type'], { unique: true })
export class DeclarationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 2 })
  declarer!: string;

  @Column({ type: 'varchar', length: 2 })
  counterpart!: string;

  @Column({ type: 'varchar', length: 32 })
  type!: DeclarationType;

  @Column({ type: 'varchar', length: 30 })
  createdAt!: string;

  /** The rules version that added it. */
  @Column({ type: 'integer' })
  version!: number;
}
