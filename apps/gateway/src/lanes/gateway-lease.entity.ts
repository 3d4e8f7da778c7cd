import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A lease several gateways on one database compete for: a submission partition (`lane-<n>`), the
 * periodic ledger duties (`ledger-duties`), or a gateway's own presence (`gateway:<holder>`, which
 * makes a gateway holding nothing yet count in the fair share). `epoch` grows at every change of
 * holder, so a stale holder's fenced commit is recognised even if it kept its name.
 */
@Entity('gateway_lease')
export class GatewayLeaseEntity {
  @PrimaryColumn({ type: 'varchar', length: 80 })
  name!: string;

  /** '' once released. */
  @Column({ type: 'varchar', length: 64 })
  holder!: string;

  @Column({ type: 'bigint' })
  epoch!: number;

  /** ISO instant; a lease at or past it may be taken over. */
  @Column({ type: 'varchar', length: 30 })
  expiresAt!: string;
}
