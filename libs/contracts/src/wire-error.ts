import { z } from 'zod';

/** Every request/reply answer is either {ok: true, data} or {ok: false, error: {code, reason}}. */
export const wireErrorSchema = z.object({ code: z.string(), reason: z.string() }).strict();
export type WireError = z.infer<typeof wireErrorSchema>;

export type WireReply<T> = { ok: true; data: T } | { ok: false; error: WireError };
