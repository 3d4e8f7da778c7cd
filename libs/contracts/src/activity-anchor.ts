import { z } from 'zod';
import { bureauCodeSchema } from './bureau-code';

/**
 * A node's attributed activity log head, signed with the node's identity (signing) key and sent to
 * the gateway, which checks the signature against the directory and records it in its ledger. The
 * subject's last token is the node's code: the broker lets each node publish only on its own.
 * Request/reply: the answer is where the head landed in the ledger, so the node knows it is anchored.
 */
export const ACTIVITY_ANCHOR_SUBJECT_WILDCARD = 'bn.activity.anchor.*';
export const activityAnchorSubject = (code: string): string => `bn.activity.anchor.${code}`;

/** The ledger entry type the gateway writes for an anchored head (docs/ledger.md). */
export const ACTIVITY_ANCHOR_ENTRY_TYPE = 'activity-anchor';

const base64 = z
  .string()
  .regex(/^[A-Za-z0-9+/]*={0,2}$/)
  .max(200);

export const activityAnchorSchema = z
  .object({
    v: z.literal(1),
    code: bureauCodeSchema,
    /** The signed head, RFC 6962 get-sth form: signature over TreeHeadSignature with the node's signing key. */
    tree_size: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    timestamp: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    sha256_root_hash: base64,
    tree_head_signature: base64,
    /** The signing certificate's kid (JOSE thumbprint), to pick the key across a renewal. */
    kid: z.string().min(1).max(100),
    /**
     * RFC 6962 PROOF(from_size, D[tree_size]) from the head the gateway last recorded for this node:
     * the gateway records a grown head only if it extends that one (append-only, no rewrite).
     */
    consistency: z
      .object({
        from_size: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
        proof: z.array(base64).max(128),
      })
      .strict()
      .optional(),
  })
  .strict();
export type ActivityAnchor = z.infer<typeof activityAnchorSchema>;

/**
 * Recorded (or already recorded: duplicate), or not yet: the gateway holds a head of another size
 * than the proof starts from (a reply lost after its commit), and the node proves again from it.
 */
export const activityAnchorReplySchema = z.union([
  z.object({ recorded: z.literal(true), leafIndex: z.number().int().nonnegative(), duplicate: z.boolean() }).strict(),
  z.object({ recorded: z.literal(false), anchoredSize: z.number().int().nonnegative() }).strict(),
]);
export type ActivityAnchorReply = z.infer<typeof activityAnchorReplySchema>;
