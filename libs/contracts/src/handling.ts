import { z } from 'zod';
import { bureauCodeSchema } from './bureau-code';

/**
 * Handling codes, as Europol's SIENA names them: what the data owner allows a recipient to do
 * with the information. Absent means H0. A forward or reply carries at least the code of what it
 * passes on; the gateway holds an H3 owner's limits for the whole lineage.
 *
 * - H0: law-enforcement use.
 * - H1: not to be used as evidence without the owner's consent.
 * - H2: no coercive action without the owner's consent.
 * - H3: the owner's own restrictions: free text plus machine limits (an allow-list of bureaus
 *   it may be passed on to, and an expiry after which it is passed on to nobody).
 */
export const HANDLING_CODES = ['H0', 'H1', 'H2', 'H3'] as const;
export type HandlingCode = (typeof HANDLING_CODES)[number];

/** Longest H3 condition text: a sentence for people, never personal data (the gateway reads it). */
export const MAX_HANDLING_CONDITIONS_LENGTH = 500;

/** The strictness of a code, for "at least as strict as": H0 is 0, H3 is 3. */
export const handlingLevel = (code: HandlingCode | undefined): number => HANDLING_CODES.indexOf(code ?? 'H0');

export const handlingSchema = z
  .object({
    code: z.enum(HANDLING_CODES),
    /** H3: the owner's restrictions in words, shown to every recipient. */
    conditions: z.string().trim().min(1).max(MAX_HANDLING_CONDITIONS_LENGTH).optional(),
    /** H3: the only bureaus (besides the owner) it may be forwarded or replied to. */
    allowTo: z.array(bureauCodeSchema).max(300).optional(),
    /** H3: after this instant it may be passed on to nobody but the owner. */
    expiresAt: z.string().datetime({ message: 'must be an ISO 8601 UTC instant' }).optional(),
  })
  .strict()
  .superRefine((handling, ctx) => {
    const limits =
      handling.conditions !== undefined || handling.allowTo !== undefined || handling.expiresAt !== undefined;
    if (handling.code !== 'H3' && limits)
      ctx.addIssue({ code: 'custom', message: `conditions, allowTo and expiresAt belong to H3, not ${handling.code}` });
    if (handling.code === 'H3' && !limits)
      ctx.addIssue({ code: 'custom', message: 'H3 needs the owner’s restrictions: conditions, allowTo or expiresAt' });
  });
export type Handling = z.infer<typeof handlingSchema>;

/** What a recipient asks the data owner for. */
export const CONSENT_PURPOSES = [
  // to pass it on to the named bureaus (meta.consent.bureaus)
  'onward-sharing',
  // to use it as evidence (lifts H1 for the asker)
  'evidence',
  // to take coercive action on it (lifts H2 for the asker)
  'coercive-action',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const CONSENT_DECISIONS = ['granted', 'refused'] as const;
export type ConsentDecision = (typeof CONSENT_DECISIONS)[number];

/**
 * meta.consent of a consent-request (a recipient to the owner) and of a consent-decision (the
 * owner's signed answer, meta.replyTo naming the request). A grant for onward sharing is a rule
 * the gateway applies, until expiresAt, to the lineage of `envelopeId`.
 */
export const consentSchema = z
  .object({
    /** The envelope whose content the consent is about: the one that carries the owner's handling code. */
    envelopeId: z.string().min(1).max(64),
    purpose: z.enum(CONSENT_PURPOSES),
    /** onward-sharing: the bureaus it may then go to. */
    bureaus: z.array(bureauCodeSchema).min(1).max(300).optional(),
    /** consent-decision only. */
    decision: z.enum(CONSENT_DECISIONS).optional(),
    /** A grant holds until this instant. */
    expiresAt: z.string().datetime({ message: 'must be an ISO 8601 UTC instant' }).optional(),
  })
  .strict()
  .superRefine((consent, ctx) => {
    if (consent.purpose === 'onward-sharing' && !consent.bureaus)
      ctx.addIssue({ code: 'custom', path: ['bureaus'], message: 'onward-sharing names the bureaus it is for' });
    if (consent.purpose !== 'onward-sharing' && consent.bureaus)
      ctx.addIssue({
        code: 'custom',
        path: ['bureaus'],
        message: `bureaus belong to onward-sharing, not ${consent.purpose}`,
      });
    if (consent.decision === 'granted' && !consent.expiresAt)
      ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'a grant is time-boxed: expiresAt is required' });
  });
export type Consent = z.infer<typeof consentSchema>;
