import { z } from 'zod';
import { bureauCodeSchema } from './bureau-code';

/**
 * Country groups: named sets of bureaus (a region, Schengen, a custom list) held in the rules
 * bundle, editable by the registry's administrator. In the rules each member's Bureau entity has
 * the group as a parent (`resource in Bureaunet::Group::"schengen"`); in an envelope's `to`,
 * `group:<id>` stands for its members and `operation:<id>` for an operation's participants, both
 * resolved by the sending node (to encrypt) and again by the gateway (to deliver): a member
 * removed from a group stops receiving at once, whatever the sender encrypted for.
 */
export const COUNTRY_GROUP_KINDS = ['region', 'schengen', 'custom'] as const;
export type CountryGroupKind = (typeof COUNTRY_GROUP_KINDS)[number];

export const GROUP_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,47}$/;
export const groupIdSchema = z
  .string()
  .regex(GROUP_ID_PATTERN, 'must be 1 to 48 lower-case letters, digits or dashes, starting with a letter or digit');

export const MAX_GROUP_MEMBERS = 300;

export const countryGroupSchema = z
  .object({
    id: groupIdSchema,
    name: z.string().trim().min(1).max(200),
    kind: z.enum(COUNTRY_GROUP_KINDS),
    members: z.array(bureauCodeSchema).max(MAX_GROUP_MEMBERS),
    updatedAt: z.string().datetime({ message: 'must be an ISO 8601 UTC instant' }),
  })
  .strict();
export type CountryGroup = z.infer<typeof countryGroupSchema>;

export const GROUP_SCOPE_PREFIX = 'group:';
export const OPERATION_SCOPE_PREFIX = 'operation:';

/** One element of an envelope's `to` that names a set, not a bureau. */
export type ScopeReference = { type: 'group'; id: string } | { type: 'operation'; id: string };

const OPERATION_SCOPE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** `group:<id>` or `operation:<id>` read as what it names; undefined for a bureau code or anything else. */
export function scopeReferenceOf(element: string): ScopeReference | undefined {
  if (element.startsWith(GROUP_SCOPE_PREFIX)) {
    const id = element.slice(GROUP_SCOPE_PREFIX.length);
    return GROUP_ID_PATTERN.test(id) ? { type: 'group', id } : undefined;
  }
  if (element.startsWith(OPERATION_SCOPE_PREFIX)) {
    const id = element.slice(OPERATION_SCOPE_PREFIX.length);
    return OPERATION_SCOPE_ID.test(id) ? { type: 'operation', id } : undefined;
  }
  return undefined;
}

/** An element of `to`: a bureau code, `group:<id>` or `operation:<id>`. */
export const recipientElementSchema = z
  .string()
  .refine(
    (element) => bureauCodeSchema.safeParse(element).success || scopeReferenceOf(element) !== undefined,
    'must be a bureau code (e.g. FR), group:<id> or operation:<id>',
  );

/**
 * Request/reply served by the registry: the country groups in force, for a node to resolve
 * `group:<id>` when it encrypts. A node may request only its own code's subject (the broker enforces it).
 */
export const GROUPS_SUBJECT_WILDCARD = 'bn.registry.groups.*';
export const groupsSubject = (code: string): string => `bn.registry.groups.${code}`;

export const countryGroupsReplySchema = z.object({ groups: z.array(countryGroupSchema) }).strict();
export type CountryGroupsReply = z.infer<typeof countryGroupsReplySchema>;
