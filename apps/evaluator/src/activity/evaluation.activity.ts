import type { BureauCode } from '@bureaunet/contracts';

/** What one bureau asked for in one period: counts only, never an element or an output. */
export interface BureauActivity {
  requests: number;
  elements: number;
  /** Refused requests by wire code ('rate-limited', 'bad-request', …). */
  refused: Record<string, number>;
}

/** Who asked for what since the last report; keyed by bureau code (or '??' for a bad subject), so bounded. */
export class EvaluationActivity {
  private byBureau = new Map<string, BureauActivity>();

  evaluated(bureau: BureauCode, elements: number): void {
    const activity = this.of(bureau);
    activity.requests += 1;
    activity.elements += elements;
  }

  refused(bureau: BureauCode | undefined, code: string): void {
    const activity = this.of(bureau ?? '??');
    activity.requests += 1;
    activity.refused[code] = (activity.refused[code] ?? 0) + 1;
  }

  /** The period's counts, sorted by bureau, and a fresh period; undefined when nobody asked. */
  takeReport(): Record<string, BureauActivity> | undefined {
    if (this.byBureau.size === 0) return undefined;
    const report = Object.fromEntries([...this.byBureau].sort(([a], [b]) => a.localeCompare(b)));
    this.byBureau = new Map();
    return report;
  }

  private of(bureau: string): BureauActivity {
    let activity = this.byBureau.get(bureau);
    if (!activity) {
      activity = { requests: 0, elements: 0, refused: {} };
      this.byBureau.set(bureau, activity);
    }
    return activity;
  }
}
