import { z } from 'zod';
import { bureauCodeSchema } from './bureau-code';

/**
 * Registry changes on their way to the gateway's ledger: written to the registry's outbox in the
 * transaction that makes the change, then published on a JetStream stream (msgId = event id) and
 * recorded by the gateway once per id. At least once on the wire, exactly once in the ledger.
 */
export const REGISTRY_EVENTS_STREAM = 'BN_REGISTRY_EVENTS';
export const REGISTRY_EVENTS_SUBJECT = 'bn.registry.events';

/** Core NATS: every signed tree head of the gateway's ledger, as get-sth serves it, for witnesses. */
export const LEDGER_STH_SUBJECT = 'bn.ledger.sth';

export const REGISTRY_EVENT_TYPES = [
  'bureau-registered',
  'bureau-enrolled',
  'certificates-renewed',
  'certificates-revoked',
  'bureau-suspended',
  'bureau-reinstated',
  'rules-changed',
  'declaration-changed',
  'operation-changed',
  /** A country group created, its members or name changed, or deleted. */
  'group-changed',
  /** The registry's attributed activity log head {treeSize, rootHash (base64)} (libs/activity). */
  'activity-head',
] as const;
export type RegistryEventType = (typeof REGISTRY_EVENT_TYPES)[number];

/**
 * The wire accepts any well-formed type name, so a gateway older than the registry still records
 * an event it does not know rather than lose it from the ledger.
 */
export const registryEventSchema = z
  .object({
    v: z.literal(1),
    id: z.string().uuid(),
    type: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
    code: bureauCodeSchema.optional(),
    occurredAt: z.string().datetime(),
    /** Metadata and digests only: versions, serials, certificate fingerprints, rule digests. */
    data: z.record(z.unknown()),
  })
  .strict();
export type RegistryEvent = z.infer<typeof registryEventSchema>;
