import { PersonMatchError } from './person-match.errors';
import { NO_NAME_EVIDENCE_CAP, PERSON_MATCH_THRESHOLD, type PersonScore } from './person-score';

export interface MatchOptions {
  /** Above NO_NAME_EVIDENCE_CAP; PERSON_MATCH_THRESHOLD unless given. */
  threshold?: number;
  /** The best this many; 50 unless given. */
  limit?: number;
}

export interface PersonMatch extends PersonScore {
  id: string;
}

export const DEFAULT_MATCH_LIMIT = 50;

/**
 * The index finds every record with name or document evidence; below NO_NAME_EVIDENCE_CAP it
 * would also owe the records with neither, so such thresholds are refused.
 */
export function matchThreshold({ threshold = PERSON_MATCH_THRESHOLD }: MatchOptions): number {
  if (!(threshold > NO_NAME_EVIDENCE_CAP && threshold <= 1))
    throw new PersonMatchError(
      'threshold-out-of-range',
      `threshold must be above ${NO_NAME_EVIDENCE_CAP} and at most 1, is ${threshold}`,
      'threshold',
    );
  return threshold;
}

/** Best first; equal scores by id, so a check reads the same twice. */
export function rankMatches(matches: PersonMatch[], { limit = DEFAULT_MATCH_LIMIT }: MatchOptions): PersonMatch[] {
  return matches.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, limit);
}
