/** Object identifiers of RFC 3161, RFC 5652, RFC 5035 and the algorithms a TSA may use. */
export const OID = {
  signedData: '1.2.840.113549.1.7.2',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  contentTypeAttribute: '1.2.840.113549.1.9.3',
  messageDigestAttribute: '1.2.840.113549.1.9.4',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  extendedKeyUsage: '2.5.29.37',
  subjectKeyIdentifier: '2.5.29.14',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  sha256: '2.16.840.1.101.3.4.2.1',
} as const;

/** The digests accepted in a token: SHA-1 and MD5 are refused (collisions). */
export const DIGEST_ALGORITHMS: Readonly<Record<string, string>> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/** Signature algorithms: the hash they fix, `undefined` when the signer info's digest decides, `null` for Ed25519. */
export const SIGNATURE_ALGORITHMS: Readonly<Record<string, { hash: string | null | undefined }>> = {
  '1.2.840.113549.1.1.1': { hash: undefined }, // rsaEncryption (PKCS #1 v1.5)
  '1.2.840.113549.1.1.11': { hash: 'sha256' },
  '1.2.840.113549.1.1.12': { hash: 'sha384' },
  '1.2.840.113549.1.1.13': { hash: 'sha512' },
  '1.2.840.10045.2.1': { hash: undefined }, // ecPublicKey, as some signers name ECDSA
  '1.2.840.10045.4.3.2': { hash: 'sha256' },
  '1.2.840.10045.4.3.3': { hash: 'sha384' },
  '1.2.840.10045.4.3.4': { hash: 'sha512' },
  '1.3.101.112': { hash: null }, // Ed25519 (RFC 8419: pure, over the signed attributes)
};
