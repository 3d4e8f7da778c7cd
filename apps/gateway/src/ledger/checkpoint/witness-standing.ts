/** What the gateway knows of one witness, for health and for the next request's old size. */
export interface WitnessStanding {
  name: string;
  url: string;
  /** The largest tree size this witness cosigned for the gateway (undefined: not since start). */
  cosignedSize?: number;
  /** The witness's latest size as it last said (a 409), or as cosigned: the next request's `old`. */
  knownSize?: number;
  /** Why the last request did not get a cosignature (down, timeout, refusal). */
  lastError?: string;
  /**
   * The witness refused a head as inconsistent with what it cosigned (split view, bad consistency
   * proof), or it has cosigned a larger tree than the ledger holds: the ledger's history changed.
   */
  misbehaviour?: string;
}

export interface WitnessStandingView extends WitnessStanding {
  /** Entries between the latest signed head and what this witness cosigned (the whole head if never). */
  behind: number;
}
