import { ApiProperty } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { queryInteger } from '@bureaunet/platform';

export const MAX_VERSIONS_PER_PAGE = 200;

export class RulesVersionsQueryDto extends createZodDto(
  z
    .object({
      before: queryInteger(1).optional().describe('Versions older than this one (the next page)'),
      limit: queryInteger(1, MAX_VERSIONS_PER_PAGE).default(50).describe(`At most ${MAX_VERSIONS_PER_PAGE}`),
    })
    .strict(),
) {}

export class RulesVersionParamDto extends createZodDto(
  z.object({ version: queryInteger(1).describe('A policy-set version') }).strict(),
) {}

export class RulesDiffQueryDto extends createZodDto(
  z
    .object({
      from: queryInteger(1).describe('The older version'),
      to: queryInteger(1).describe('The newer version'),
    })
    .strict(),
) {}

export class RulesVersionSummaryDto {
  @ApiProperty({ description: 'The rules version at which this policy set took effect' }) version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ description: '"person:<username>", "role:<role>" or "system"' }) author!: string;
  @ApiProperty({ description: 'SHA-256 of the policy text, base64url' }) policiesDigest!: string;
  @ApiProperty({ description: "SHA-256 of the policy text's UTF-8, lowercase hex: how decision entries name it" })
  policySha256!: string;
}

export class RulesVersionDto extends RulesVersionSummaryDto {
  @ApiProperty({ description: 'The version asked for; `version` is when the policy set in force then took effect' })
  requested!: number;
  @ApiProperty({ description: 'Cedar policy text, as written' }) policies!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Rate limits' })
  limits!: Record<string, unknown>;
}

export class DiffLineDto {
  @ApiProperty({ enum: ['same', 'added', 'removed'] }) op!: string;
  @ApiProperty() text!: string;
}

export class RulesDiffDto {
  @ApiProperty({ type: RulesVersionSummaryDto }) from!: RulesVersionSummaryDto;
  @ApiProperty({ type: RulesVersionSummaryDto }) to!: RulesVersionSummaryDto;
  @ApiProperty({ type: [DiffLineDto], description: 'Line diff of the policy text' }) policies!: DiffLineDto[];
  @ApiProperty({ type: [DiffLineDto], description: 'Line diff of the limits, as indented JSON' })
  limits!: DiffLineDto[];
}

export class RulesVersionsDto {
  @ApiProperty({ type: [RulesVersionSummaryDto], description: 'Newest first' }) versions!: RulesVersionSummaryDto[];
  @ApiProperty({ required: false, description: 'Pass as before for the next (older) page' }) nextBefore?: number;
}
