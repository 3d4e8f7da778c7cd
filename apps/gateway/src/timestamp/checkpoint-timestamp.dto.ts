import { ApiProperty } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { queryInteger } from '@bureaunet/platform';

export class CheckpointTimestampQueryDto extends createZodDto(
  z.object({ tree_size: queryInteger(0).describe('Tree size of a signed tree head') }).strict(),
) {}

export class CheckpointTimestampDto {
  @ApiProperty()
  tree_size!: number;

  @ApiProperty({
    description: 'The checkpoint note text (origin, size, base64 root, each line ending in \\n) that was hashed',
  })
  checkpoint!: string;

  @ApiProperty({
    description: 'DER of the RFC 3161 token (CMS ContentInfo), base64; its imprint is SHA-256 of checkpoint',
  })
  token!: string;

  @ApiProperty({ description: "The TSA's time (TSTInfo genTime), ISO 8601" })
  gen_time!: string;

  @ApiProperty({ description: "PEM of the TSA's CA the gateway verified the token against (TSA_CA_FILE)" })
  tsa_ca!: string;
}
