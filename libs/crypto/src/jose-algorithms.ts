/** The only algorithms bureaunet produces or accepts (RFC 8725 section 3.1: explicit allow-lists). */
export const JWS_ALGORITHM = 'EdDSA';
export const JWE_KEY_MANAGEMENT_ALGORITHM = 'ECDH-ES+A256KW';
export const JWE_CONTENT_ENCRYPTION_ALGORITHM = 'A256GCM';
