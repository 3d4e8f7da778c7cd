import { derFromPem, hexOf } from './bytes.codec';
import { readGatewayKey } from './auditor.api';
import { importTreeHeadKey } from './tree-head.verify';

export interface TreeHeadKey {
  key: CryptoKey;
  /** SHA-256 of the key's SPKI, hex in groups of four: what the auditor compares with a pinned copy. */
  fingerprint: string;
}

/**
 * The tree-head key the gateway shows. The page verifies with it and prints its fingerprint:
 * an auditor compares that with the certificate of XG in the registry's directory (or uses the
 * CLI with a pinned key), since a key taken from the party verified proves consistency, not origin.
 */
export async function loadGatewayKey(): Promise<TreeHeadKey> {
  const { public_key } = await readGatewayKey();
  const spki = derFromPem(public_key, 'PUBLIC KEY');
  const digest = hexOf(new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(spki))));
  return { key: await importTreeHeadKey(public_key), fingerprint: digest.match(/.{4}/g)!.join(' ') };
}
