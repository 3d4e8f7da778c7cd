import type { PolicyRefusalCode } from './policy-set.parser';

/** One (sender, recipient, kind) decision, explained. */
export interface PolicyDecision {
  allowed: boolean;
  /** The policies that decided: the permits that allowed, or the forbids that refused. */
  policies: string[];
  /** Why not, when not: the code the sender's report carries, a reason for people, the deciding rule. */
  refusal?: { code: PolicyRefusalCode; message: string; rule: string };
}

/** A refusal that names a rule but no policy: nothing permitted the request, or nothing could be evaluated. */
export const EVALUATION_ERROR_RULE = 'evaluation-error';
