import { X509Certificate } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { caFilesIn } from '../apps/registry/src/pki/ca.repository';
import { REGISTRY_DATABASE_FILE } from '../apps/registry/src/registry.config';

/** One trace of a network on disk: a CA a registry issues with, or a CA a bureau enrolled under. */
export interface EnrolledTrace {
  path: string;
  /** SHA-256 fingerprint of the CA certificate, as openssl prints it; absent for a registry database. */
  fingerprint?: string;
}

export interface EnrolledNetwork {
  /** The registry's own CA (ca.crt and ca.key in its data directory), when it made one. */
  registryCa?: EnrolledTrace & { keyPath: string };
  /** A registry database: bureaus were enrolled there, under whatever CA it used. */
  registryDatabase?: EnrolledTrace;
  /** ca.crt.pem of every bureau and gateway identity found under the var directory. */
  bureaus: EnrolledTrace[];
}

/**
 * What `npm run certs` must not split: the CA a registry in `registryDataDir` issues with and the
 * CA each identity under `varDir` (node-XX/, gateway/identity/) was enrolled under.
 */
export function surveyEnrolledNetwork(varDir: string, registryDataDir: string): EnrolledNetwork {
  const network: EnrolledNetwork = { bureaus: [] };
  const own = caFilesIn(registryDataDir);
  if (existsSync(own.certificate) && existsSync(own.privateKey)) {
    network.registryCa = {
      path: own.certificate,
      keyPath: own.privateKey,
      fingerprint: fingerprintOf(own.certificate),
    };
  }
  const database = join(registryDataDir, REGISTRY_DATABASE_FILE);
  if (existsSync(database)) network.registryDatabase = { path: database };
  if (!existsSync(varDir)) return network;
  for (const entry of readdirSync(varDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    for (const candidate of [
      join(varDir, entry.name, 'ca.crt.pem'),
      join(varDir, entry.name, 'identity', 'ca.crt.pem'),
    ]) {
      if (existsSync(candidate)) network.bureaus.push({ path: candidate, fingerprint: fingerprintOf(candidate) });
    }
  }
  return network;
}

export function isEmptyNetwork(network: EnrolledNetwork): boolean {
  return !network.registryCa && !network.registryDatabase && network.bureaus.length === 0;
}

export function fingerprintOf(certificatePath: string): string {
  return new X509Certificate(readFileSync(certificatePath)).fingerprint256;
}
