import { ApiProperty } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { TotpEnrolmentStart } from './totp-enrolment.service';

/** Six digits; a space in the middle is tolerated, as apps show "123 456". */
const code = z.string().regex(/^\s*[0-9]{3}\s?[0-9]{3}\s*$/, 'must be the six digits of the authenticator app');

export class TotpCodeDto extends createZodDto(z.object({ code }).strict()) {}

export class TotpDisableDto extends createZodDto(z.object({ code: code.optional() }).strict()) {}

export class TotpEnrolmentStartDto implements TotpEnrolmentStart {
  @ApiProperty({ example: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', description: 'Base32, for typing into the app' })
  secret!: string;

  @ApiProperty({ example: 'otpauth://totp/bureaunet%20MR:ana.officer?secret=…&issuer=bureaunet%20MR' })
  uri!: string;
}
