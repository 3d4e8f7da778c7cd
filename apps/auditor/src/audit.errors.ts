/** How the CLI ends: the exit code says which kind of failure, the message says exactly what. */
export const EXIT_VERIFIED = 0;
export const EXIT_VERIFICATION_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_GATEWAY_UNUSABLE = 3;

/** The log, a tree head or a proof does not check out: evidence of tampering or of a broken log. */
export class VerificationFailure extends Error {
  override readonly name = 'VerificationFailure';
  readonly exitCode = EXIT_VERIFICATION_FAILED;
}

/** The command line is wrong (unknown command, missing option, unreadable key). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly exitCode = EXIT_USAGE;
}

/** The gateway could not be reached or refused the request (token, role, parameters). */
export class GatewayUnusable extends Error {
  override readonly name = 'GatewayUnusable';
  readonly exitCode = EXIT_GATEWAY_UNUSABLE;
}
