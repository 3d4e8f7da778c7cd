/** One named piece of a bundle and whether it held. */
export interface EvidenceCheck {
  piece: string;
  ok: boolean;
  reason: string;
}

/** Collects checks; each piece runs on its own so one failure never hides another. */
export class EvidenceChecks {
  readonly checks: EvidenceCheck[] = [];

  /** Runs `check`, which returns its value and what it established, or throws why it did not. */
  attempt<T>(piece: string, check: () => { value: T; reason: string }): T | undefined {
    try {
      const { value, reason } = check();
      this.checks.push({ piece, ok: true, reason });
      return value;
    } catch (error) {
      this.checks.push({ piece, ok: false, reason: error instanceof Error ? error.message : String(error) });
      return undefined;
    }
  }

  fail(piece: string, reason: string): void {
    this.checks.push({ piece, ok: false, reason });
  }
}
