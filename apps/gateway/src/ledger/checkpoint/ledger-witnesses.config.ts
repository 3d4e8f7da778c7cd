import { z } from 'zod';
import { trustedWitnessFromKey, type TrustedWitness } from '@bureaunet/witness';

/** A witness the gateway asks to cosign: where it listens and its cosignature/v1 vkey. */
export interface LedgerWitnessConfig extends TrustedWitness {
  url: string;
  vkey: string;
}

/** More would only multiply the requests after every tree head; a note holds 64 signatures. */
export const MAX_LEDGER_WITNESSES = 16;

const WITNESS_LIST = z
  .array(
    z
      .object({
        url: z
          .string()
          .url()
          .regex(/^https?:\/\//, 'must be an http(s) URL'),
        vkey: z.string().min(1).max(200),
      })
      .strict(),
  )
  .max(MAX_LEDGER_WITNESSES);

/** LEDGER_WITNESSES: JSON `[{"url": "http://…", "vkey": "<name>+<id>+<key>"}]`; none when unset. */
export function readLedgerWitnesses(raw: string | undefined): LedgerWitnessConfig[] {
  if (raw === undefined) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error('LEDGER_WITNESSES is not JSON: give [{"url": "http://…", "vkey": "…"}, …]');
  }
  const list = WITNESS_LIST.safeParse(parsed);
  if (!list.success)
    throw new Error(
      `LEDGER_WITNESSES: ${list.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`,
    );
  const witnesses = list.data.map(({ url, vkey }) => {
    try {
      return { url: url.replace(/\/+$/, ''), vkey, ...trustedWitnessFromKey(vkey) };
    } catch (error) {
      throw new Error(`LEDGER_WITNESSES: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  const names = new Set(witnesses.map((witness) => witness.name));
  if (names.size !== witnesses.length) throw new Error('LEDGER_WITNESSES names one witness twice');
  return witnesses;
}
