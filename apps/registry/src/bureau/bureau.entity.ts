import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { BureauRole, BureauStatus } from '@bureaunet/contracts';

@Entity('bureau')
export class BureauEntity {
  @PrimaryColumn({ type: 'varchar', length: 2 })
  code!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: BureauRole;

  @Column({ type: 'varchar', length: 16 })
  status!: BureauStatus;

  /**
   * The directory version of this bureau's last change. Versions come from one sequence for the
   * whole directory, so the highest of them is the directory's version.
   */
  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: Date })
  createdAt!: Date;

  @Column({ type: Date })
  updatedAt!: Date;
}
