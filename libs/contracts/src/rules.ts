import { z } from 'zod';
import { bureauCodeSchema } from './bureau-code';
import { countryGroupSchema } from './country-group';

/**
 * Access rules as the registry holds them and the gateway applies them: one versioned bundle of
 * the Cedar policy set, the rate limits, the bilateral declarations and the operations. Every
 * change to any of them is a new bundle version.
 */

/** Request/reply served by the registry: the whole bundle in force. */
export const RULES_GET_SUBJECT = 'bn.registry.rules.get';
/**
 * Request/reply served by the registry: the operations one bureau coordinates or takes part in. A
 * node may request only its own code's subject (the broker enforces it); the whole bundle is the
 * gateway's.
 */
export const OPERATIONS_SUBJECT_WILDCARD = 'bn.registry.operations.*';
export const operationsSubject = (code: string): string => `bn.registry.operations.${code}`;
/** Core NATS event published after each committed change; the heartbeat repairs a lost one. */
export const RULES_CHANGED_SUBJECT = 'bn.registry.rules.changed';

const isoInstant = z.string().datetime({ message: 'must be an ISO 8601 UTC instant' });

/** Longest policy text the registry stores; a set this large is a mistake, not a rule book. */
export const MAX_POLICY_TEXT_LENGTH = 256 * 1024;

export const DECLARATION_TYPES = [
  // the declarer does not accept diffusions from the counterpart
  'refuses-diffusions-from',
  // the declarer does not send to the counterpart
  'does-not-send-to',
] as const;
export type DeclarationType = (typeof DECLARATION_TYPES)[number];

export const declarationSchema = z
  .object({
    id: z.string().min(1).max(64),
    declarer: bureauCodeSchema,
    counterpart: bureauCodeSchema,
    type: z.enum(DECLARATION_TYPES),
    createdAt: isoInstant,
  })
  .strict();
export type Declaration = z.infer<typeof declarationSchema>;

/** What envelopes name in meta.operationId. */
export const OPERATION_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const operationSchema = z
  .object({
    id: z.string().regex(OPERATION_ID_PATTERN, 'must be 1 to 64 letters, digits, dots, dashes or underscores'),
    name: z.string().min(1).max(200),
    coordinator: bureauCodeSchema,
    participants: z.array(bureauCodeSchema).max(300),
    start: isoInstant,
    end: isoInstant,
  })
  .strict();
export type Operation = z.infer<typeof operationSchema>;

export const rateLimitSchema = z
  .object({
    /** Envelopes a bureau may submit per minute (a token bucket: bursts up to one minute's worth). */
    messagesPerMinute: z.number().int().min(1).max(1_000_000),
    /** Addressees one envelope may name (after "all" is resolved). */
    recipientsPerMessage: z.number().int().min(1).max(1000),
  })
  .strict();
export type RateLimit = z.infer<typeof rateLimitSchema>;

export const rateLimitsSchema = z
  .object({
    default: rateLimitSchema,
    /** Per-bureau overrides of the default, field by field. */
    bureaus: z.record(bureauCodeSchema, rateLimitSchema.partial().strict()),
  })
  .strict();
export type RateLimits = z.infer<typeof rateLimitsSchema>;

export const ruleBundleSchema = z
  .object({
    version: z.number().int().positive(),
    /** Cedar policy text; every policy carries @id, and forbids @refusal and @reason. */
    policies: z.string().max(MAX_POLICY_TEXT_LENGTH),
    limits: rateLimitsSchema,
    declarations: z.array(declarationSchema),
    operations: z.array(operationSchema),
    /** Country groups: Cedar parents of their members, and `group:<id>` scopes in `to`. */
    groups: z.array(countryGroupSchema),
    changedAt: isoInstant,
  })
  .strict();
export type RuleBundle = z.infer<typeof ruleBundleSchema>;

export const bureauOperationsSchema = z.object({ operations: z.array(operationSchema) }).strict();
export type BureauOperations = z.infer<typeof bureauOperationsSchema>;

export const rulesChangedEventSchema = z.object({ version: z.number().int().positive() }).strict();
export type RulesChangedEvent = z.infer<typeof rulesChangedEventSchema>;
