import { z } from 'zod';
import { bureauCodeSchema } from './bureau-code';

/**
 * Bodies of the workflow messages (encrypted end to end: the gateway never reads them). The
 * envelope meta carries only what routing needs (noticeType, operationId, restrictedTo, replyTo).
 */

export const NOTICE_TYPES = ['red', 'yellow', 'blue', 'black', 'green', 'orange', 'purple', 'special'] as const;
export type NoticeType = (typeof NOTICE_TYPES)[number];

export const NOTICE_STATES = ['active', 'cancelled', 'lapsed'] as const;
export type NoticeState = (typeof NOTICE_STATES)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const isoInstant = z.string().datetime({ message: 'must be an ISO 8601 UTC instant' });
const text = (max: number) => z.string().trim().min(1).max(max);

export const noticeSubjectSchema = z
  .object({
    familyName: text(200),
    givenNames: z.string().trim().max(200).default(''),
    dateOfBirth: isoDate.optional(),
    nationality: bureauCodeSchema.optional(),
    documentNumbers: z.array(text(64)).max(20).default([]),
  })
  .strict();
export type NoticeSubject = z.infer<typeof noticeSubjectSchema>;

/** What a bureau asks the hub to publish (kind notice-request, action publish). */
export const noticeDraftSchema = z
  .object({
    type: z.enum(NOTICE_TYPES),
    subject: noticeSubjectSchema,
    offence: text(2000),
    /** Review-by date: past it, the notice lapses unless the hub updates it. */
    expiry: isoDate,
  })
  .strict();
export type NoticeDraft = z.infer<typeof noticeDraftSchema>;

/** Body of a notice-request: publish a draft, or cancel a published notice its sender owns. */
export const noticeRequestBodySchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('publish'), notice: noticeDraftSchema }).strict(),
  z.object({ action: z.literal('cancel'), number: text(32), reason: text(2000) }).strict(),
]);
export type NoticeRequestBody = z.infer<typeof noticeRequestBodySchema>;

/** Body of a notice (kind notice, sent by the hub): the published notice, whole, at a revision. */
export const noticeBodySchema = noticeDraftSchema
  .extend({
    number: text(32),
    owner: bureauCodeSchema,
    /** 1 on publication, +1 on each update: a recipient keeps the highest. */
    revision: z.number().int().min(1),
    publishedAt: isoInstant,
    /** The notice-request envelope it answers, for the requester. */
    requestId: z.string().max(64).optional(),
  })
  .strict();
export type NoticeBody = z.infer<typeof noticeBodySchema>;

/** Body of a notice-cancel (sent by the hub to every bureau that received the notice). */
export const noticeCancelBodySchema = z.object({ number: text(32), reason: text(2000) }).strict();
export type NoticeCancelBody = z.infer<typeof noticeCancelBodySchema>;

/** Body of a diffusion: sent directly by a bureau, a copy to the hub for compliance. */
export const diffusionBodySchema = z
  .object({
    title: text(200),
    details: text(4000),
    subject: noticeSubjectSchema.partial({ familyName: true }).optional(),
    documentNumbers: z.array(text(64)).max(20).default([]),
  })
  .strict();
export type DiffusionBody = z.infer<typeof diffusionBodySchema>;

/** Body of an operation-alert (coordinator to participants, meta.operationId). */
export const operationAlertBodySchema = z.object({ title: text(200), details: text(4000) }).strict();
export type OperationAlertBody = z.infer<typeof operationAlertBodySchema>;

/** A participant's answer to an operation alert (a workflow note to the coordinator). */
export const operationReplyNoteSchema = z
  .object({
    workflow: z.literal('operation-reply'),
    alertId: z.string().max(64),
    operationId: z.string().max(64),
    text: text(4000),
  })
  .strict();

/**
 * Workflow notes travel as kind `message` with meta.replyTo naming the envelope they are about:
 * the hub refusing a notice request, the hub withdrawing a diffusion, a participant replying.
 */
export const workflowNoteSchema = z.discriminatedUnion('workflow', [
  z.object({ workflow: z.literal('notice-refusal'), requestId: z.string().max(64), reason: text(2000) }).strict(),
  z
    .object({ workflow: z.literal('diffusion-withdrawal'), diffusionId: z.string().max(64), reason: text(2000) })
    .strict(),
  operationReplyNoteSchema,
]);
export type WorkflowNote = z.infer<typeof workflowNoteSchema>;

/** Document numbers compare without spaces, dashes or case. */
export function documentKey(value: string): string {
  return value.replace(/[^\p{L}\p{N}]+/gu, '').toUpperCase();
}
