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
/**
 * Request/reply served by the registry: a node creates, amends or ends its own bureau's operations
 * (OperationManageRequest). The code is the subject's last token and the broker lets each node
 * publish only on its own, so a coordinator is bound to the bureau whose node relays the request.
 */
export const OPERATION_MANAGE_SUBJECT_WILDCARD = 'bn.registry.operations.manage.*';
export const operationManageSubject = (code: string): string => `bn.registry.operations.manage.${code}`;
/** Request/reply served by the registry: one operation's changes, for its coordinator or a participant. */
export const OPERATION_HISTORY_SUBJECT_WILDCARD = 'bn.registry.operations.history.*';
export const operationHistorySubject = (code: string): string => `bn.registry.operations.history.${code}`;
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

/** Longest reason for ending an operation early. */
export const MAX_OPERATION_REASON_LENGTH = 500;
/** Most changes one operation may have (creation and end included): its history stays bounded. */
export const MAX_OPERATION_CHANGES = 100;

/** Who made a change at a node, as that node names them ("person:<username>", "role:<role>"). */
const operationAuthorSchema = z.string().min(1).max(64);
const operationIdSchema = operationSchema.shape.id;

/** A new operation as a node asks for it: its coordinator is the bureau whose subject carries it. */
export const operationDraftSchema = operationSchema
  .omit({ coordinator: true })
  .extend({ id: operationIdSchema.optional() })
  .strict();
export type OperationDraft = z.infer<typeof operationDraftSchema>;

/** What an amendment may change: the name, participants added or removed, a later end. */
export const operationAmendmentSchema = z
  .object({
    name: operationSchema.shape.name.optional(),
    addParticipants: z.array(bureauCodeSchema).max(300).optional(),
    removeParticipants: z.array(bureauCodeSchema).max(300).optional(),
    /** Only later than the current end, and in the future: ending early is its own request. */
    end: isoInstant.optional(),
  })
  .strict();
export type OperationAmendment = z.infer<typeof operationAmendmentSchema>;

export const operationManageRequestSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('create'), operation: operationDraftSchema, author: operationAuthorSchema }).strict(),
  z
    .object({
      action: z.literal('amend'),
      id: operationIdSchema,
      changes: operationAmendmentSchema,
      author: operationAuthorSchema,
    })
    .strict(),
  z
    .object({
      action: z.literal('end'),
      id: operationIdSchema,
      reason: z.string().trim().min(1).max(MAX_OPERATION_REASON_LENGTH),
      author: operationAuthorSchema,
    })
    .strict(),
]);
export type OperationManageRequest = z.infer<typeof operationManageRequestSchema>;

/** An instant as an HTTP request may give it (any offset); the operation keeps the UTC instant. */
export const requestInstantSchema = z.string().datetime({ offset: true, message: 'must be an ISO 8601 instant' });

/** An amendment as an HTTP request gives it, at a node or at the registry. */
export const operationAmendRequestSchema = operationAmendmentSchema.extend({ end: requestInstantSchema.optional() });

/** Ending an operation early, as an HTTP request gives it, at a node or at the registry. */
export const operationEndRequestSchema = z
  .object({
    reason: z
      .string()
      .trim()
      .min(1, 'say why the operation ends early')
      .max(MAX_OPERATION_REASON_LENGTH)
      .describe('Why it ends early; kept in its history and the ledger'),
  })
  .strict();

/** The registry's answer to a managing request: the operation as it now is, and the rules version of the change. */
export const operationChangedSchema = z
  .object({ operation: operationSchema, version: z.number().int().positive() })
  .strict();
export type OperationChanged = z.infer<typeof operationChangedSchema>;

export const OPERATION_CHANGE_KINDS = ['created', 'amended', 'ended'] as const;

/** One change of an operation, as the registry recorded it (a rules version of its own). */
export const operationChangeSchema = z
  .object({
    version: z.number().int().positive(),
    change: z.enum(OPERATION_CHANGE_KINDS),
    at: isoInstant,
    /** "<bureau> <person or role>" for a change relayed by a node; the administrator's name otherwise. */
    author: z.string().max(200),
    /** The operation after the change. */
    operation: operationSchema,
    added: z.array(bureauCodeSchema).optional(),
    removed: z.array(bureauCodeSchema).optional(),
    /** The end before an extension or an early end. */
    previousEnd: isoInstant.optional(),
    reason: z.string().max(MAX_OPERATION_REASON_LENGTH).optional(),
  })
  .strict();
export type OperationChange = z.infer<typeof operationChangeSchema>;

export const operationHistoryRequestSchema = z.object({ id: operationIdSchema }).strict();
export const operationHistorySchema = z
  .object({ operation: operationSchema, changes: z.array(operationChangeSchema).max(MAX_OPERATION_CHANGES) })
  .strict();
export type OperationHistory = z.infer<typeof operationHistorySchema>;

export const bureauOperationsSchema = z.object({ operations: z.array(operationSchema) }).strict();
export type BureauOperations = z.infer<typeof bureauOperationsSchema>;

export const rulesChangedEventSchema = z.object({ version: z.number().int().positive() }).strict();
export type RulesChangedEvent = z.infer<typeof rulesChangedEventSchema>;
