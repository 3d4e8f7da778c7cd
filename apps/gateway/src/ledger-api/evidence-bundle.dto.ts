import { ApiProperty } from '@nestjs/swagger';
import { GatewayKeyDto, SignedTreeHeadDto, TrailEntryDto } from './ledger-api.dto';

/** docs/ledger.md, "Evidence bundle". */
export class EvidenceBundleDto {
  @ApiProperty({ description: 'bureaunet-evidence-bundle/1' }) format!: string;
  @ApiProperty() message_id!: string;
  @ApiProperty({ description: 'When the gateway made the bundle (ISO 8601)' }) created_at!: string;
  @ApiProperty({ type: GatewayKeyDto, description: 'The gateway’s signing certificate now; verify with a pinned one' })
  gateway_key!: GatewayKeyDto;
  @ApiProperty({ type: SignedTreeHeadDto, description: 'The first signed head that covers every entry' })
  sth!: SignedTreeHeadDto;
  @ApiProperty({ description: 'kid of the key that signed sth' }) sth_key_id!: string;
  @ApiProperty({ type: [TrailEntryDto], description: 'Each with its inclusion proof against sth' })
  entries!: TrailEntryDto[];
  @ApiProperty({ type: SignedTreeHeadDto, description: 'The latest signed head when the bundle was made' })
  latest_sth!: SignedTreeHeadDto;
  @ApiProperty({ type: [String], description: 'PROOF(sth.tree_size, latest_sth.tree_size), base64, RFC 6962 order' })
  consistency!: string[];
}
