import {
  PersonIndex,
  rankMatches,
  type PersonMatch,
  type PersonQuery,
  type PersonRecord,
} from '@bureaunet/person-match';

/** Every match above the threshold: the caller ranks and cuts after dropping what is no longer sought. */
const ALL = { limit: Number.MAX_SAFE_INTEGER };
/**
 * Segments merge up to this many records: a merge is a build in a check's path (1,000 persons:
 * tens of ms). Beyond it they stay apart, and the owner's rebuild bounds how many there are.
 */
export const SEGMENT_MERGE_LIMIT = 1_000;

interface Segment {
  index: PersonIndex;
  /** The records it holds that are still their key's latest version. */
  live: Map<string, PersonRecord>;
}

/**
 * PersonIndex cannot change once built, and a rebuild costs seconds at 100k persons, so changes
 * are patched in: a base index from a snapshot, then a small index (a segment) per batch of
 * changed rows. `latest` names, for every key changed since the snapshot, the segment holding its
 * current version, or null when it is no longer sought; a match counts only from there. Segments
 * merge size-tiered (the newer at least half the older's size) up to SEGMENT_MERGE_LIMIT records,
 * so each changed record is re-indexed O(log n) times and there are O(log n) segments plus one per
 * SEGMENT_MERGE_LIMIT changes. The owner rebuilds the base when `changed` grows past its bound.
 */
export class PatchedPersonIndex {
  private readonly latest = new Map<string, Segment | null>();
  private segments: Segment[] = [];

  constructor(
    private readonly base: PersonIndex,
    /** The last change (person_source_change.seq) reflected here. */
    public seq: number,
  ) {}

  /** Persons in the base. */
  get baseSize(): number {
    return this.base.size;
  }

  /** Keys changed since the base was built: what a rebuild would absorb. */
  get changed(): number {
    return this.latest.size;
  }

  get segmentCount(): number {
    return this.segments.length;
  }

  /** The current version of each changed key: its record, or undefined when it is no longer sought. */
  apply(changes: ReadonlyMap<string, PersonRecord | undefined>, seq: number): void {
    const live = new Map<string, PersonRecord>();
    for (const [key, record] of changes) {
      this.latest.get(key)?.live.delete(key);
      if (record) live.set(key, record);
    }
    const segment = live.size > 0 ? this.segment(live) : null;
    for (const key of changes.keys()) this.latest.set(key, live.has(key) ? segment : null);
    if (segment) this.segments.push(segment);
    this.compact();
    this.seq = seq;
  }

  /** Every match at or above the threshold, best first. */
  search(query: PersonQuery): PersonMatch[] {
    const matches = this.base.search(query, ALL).filter((match) => !this.latest.has(match.id));
    for (const segment of this.segments)
      for (const match of segment.index.search(query, ALL))
        if (this.latest.get(match.id) === segment) matches.push(match);
    return rankMatches(matches, ALL);
  }

  private segment(live: Map<string, PersonRecord>): Segment {
    return { index: PersonIndex.build([...live.values()]), live };
  }

  private compact(): void {
    this.segments = this.segments.filter((segment) => segment.live.size > 0);
    for (let top = this.segments.length; top >= 2; top = this.segments.length) {
      const [older, newer] = [this.segments[top - 2], this.segments[top - 1]];
      if (older.live.size > 2 * newer.live.size || older.live.size + newer.live.size > SEGMENT_MERGE_LIMIT) break;
      const merged = this.segment(new Map([...older.live, ...newer.live]));
      for (const key of merged.live.keys()) this.latest.set(key, merged);
      this.segments.splice(top - 2, 2, merged);
    }
  }
}
