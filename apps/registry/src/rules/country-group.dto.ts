import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { COUNTRY_GROUP_KINDS, MAX_GROUP_MEMBERS, bureauCodeSchema, groupIdSchema } from '@bureaunet/contracts';

const name = z.string().trim().min(1).max(200);
const members = z.array(bureauCodeSchema).max(MAX_GROUP_MEMBERS);

export class CreateCountryGroupDto extends createZodDto(
  z
    .object({
      id: groupIdSchema.describe('What `group:<id>` and Bureaunet::Group::"<id>" name'),
      name,
      kind: z.enum(COUNTRY_GROUP_KINDS),
      members: members.describe('Bureau codes (not the hub)'),
    })
    .strict(),
) {}

export class UpdateCountryGroupDto extends createZodDto(
  z
    .object({ name: name.optional(), kind: z.enum(COUNTRY_GROUP_KINDS).optional(), members: members.optional() })
    .strict()
    .refine((update) => Object.keys(update).length > 0, 'a change needs name, kind or members'),
) {}

export class PreviewCountryGroupDto extends createZodDto(
  z
    .object({
      id: groupIdSchema,
      name: name.optional(),
      kind: z.enum(COUNTRY_GROUP_KINDS).optional(),
      members: members.optional(),
      delete: z.boolean().optional().describe('Preview deleting the group'),
    })
    .strict(),
) {}

export class CountryGroupIdParamDto extends createZodDto(z.object({ id: groupIdSchema }).strict()) {}
