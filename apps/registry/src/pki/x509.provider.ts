// @peculiar/x509 resolves its ASN.1 helpers through tsyringe, which needs the reflect polyfill
// loaded before the library itself.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto);

/** @peculiar/x509 wired to node's WebCrypto. Import it from here, never from the package. */
export { x509 };

export const ED25519 = { name: 'Ed25519' } as const;

export const CA_SUBJECT_ORGANISATION = 'bureaunet';
