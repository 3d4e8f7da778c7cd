import { join } from 'node:path';
import { loadOrCreateEd25519Key } from '@bureaunet/platform/launch';
import { formatVerifierKey, NOTE_SIGNATURE_TYPE, rawEd25519PublicKey } from '@bureaunet/witness';
import { freePortRun } from './free-port';

/** A witness the local network runs: its cosigner name and, for people, a fixed port. */
export interface LocalWitnessSpec {
  /** e.g. `witness.bureaunet.local`, or `witness.dk.bureaunet.local` for one a bureau runs. */
  name: string;
  port?: number;
}

/** Where a witness will listen and its vkey, known before it starts so the gateway can be told. */
export interface PlannedWitness {
  name: string;
  port: number;
  dataDir: string;
  keyFile: string;
  vkey: string;
  url: string;
}

/**
 * Makes (or reuses) the witness's key in its data folder and picks its port: the gateway needs the
 * witness's URL and vkey at start, and the witness needs the gateway's vkey, known only after it.
 */
export async function planWitness(spec: LocalWitnessSpec, dataDir: string, https: boolean): Promise<PlannedWitness> {
  const dir = join(dataDir, `witness-${spec.name.replace(/[^A-Za-z0-9.-]/g, '_')}`);
  const keyFile = join(dir, 'witness.key');
  const { privateKey } = loadOrCreateEd25519Key(keyFile);
  const publicKey = rawEd25519PublicKey(privateKey);
  const vkey = formatVerifierKey({ name: spec.name, type: NOTE_SIGNATURE_TYPE.cosignatureV1, publicKey });
  const port = spec.port ?? (await freePortRun(1));
  return { name: spec.name, port, dataDir: dir, keyFile, vkey, url: `${https ? 'https' : 'http'}://127.0.0.1:${port}` };
}
