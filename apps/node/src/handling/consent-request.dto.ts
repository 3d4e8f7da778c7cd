import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONSENT_PURPOSES, type ConsentPurpose } from '@bureaunet/contracts';
import {
  CONSENT_DIRECTIONS,
  CONSENT_STATES,
  type ConsentDirection,
  type ConsentState,
} from '../store/consent-request.entity';

/** A consent request as the API shows it: on its own, and with the message it is about. */
export class ConsentRequestDto {
  @ApiProperty({ description: 'The consent-request envelope id' })
  id!: string;

  @ApiProperty({ enum: CONSENT_DIRECTIONS })
  direction!: ConsentDirection;

  @ApiProperty({ description: 'Outgoing: the received message asked from; incoming: the envelope it is about' })
  messageId!: string;

  @ApiProperty({ description: "The owner's envelope that carries the handling code (meta.consent.envelopeId)" })
  envelopeId!: string;

  @ApiProperty({ example: 'DK' })
  asker!: string;

  @ApiProperty({ example: 'FR' })
  owner!: string;

  @ApiProperty({ enum: CONSENT_PURPOSES })
  purpose!: ConsentPurpose;

  @ApiPropertyOptional({ type: [String], description: 'onward-sharing: the bureaus asked for, or granted' })
  bureaus?: string[];

  @ApiPropertyOptional()
  note?: string;

  @ApiProperty({ enum: CONSENT_STATES })
  state!: ConsentState;

  @ApiProperty({ description: 'A grant whose expiry has not passed' })
  active!: boolean;

  @ApiProperty()
  createdAt!: string;

  @ApiPropertyOptional({ description: 'The signed consent-decision envelope id' })
  decisionId?: string;

  @ApiPropertyOptional()
  decidedAt?: string;

  @ApiPropertyOptional({ description: 'Incoming: who decided here' })
  decidedBy?: string;

  @ApiPropertyOptional({ description: 'A grant holds until then' })
  expiresAt?: string;

  @ApiPropertyOptional({ description: "A refusal's reason" })
  reason?: string;
}
