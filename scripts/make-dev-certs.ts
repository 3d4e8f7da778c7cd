import 'reflect-metadata';
import { randomBytes, X509Certificate } from 'node:crypto';
import { resolve } from 'node:path';
import { CaRepository, caFilesIn, type CaFiles } from '../apps/registry/src/pki/ca.repository';
import { createRootCa } from '../apps/registry/src/pki/root-ca';

/**
 * `npm run certs`: a development root CA in certs/ca.crt + certs/ca.key (or CA_CERT_FILE and
 * CA_KEY_FILE, resolved as the registry resolves them). The registry issues every bureau
 * certificate with it. Never overwrites: replacing a CA orphans everything it issued.
 */
async function main(): Promise<void> {
  const files = caFiles(process.env);
  const repository = new CaRepository();
  if (repository.presence(files) !== 'none') {
    process.stderr.write(
      `refusing to overwrite ${files.certificate} / ${files.privateKey}: remove both first ` +
        '(certificates the old CA issued stop verifying; bureaus then enrol again)\n',
    );
    process.exitCode = 1;
    return;
  }
  const material = await createRootCa({ now: new Date(), randomBytes });
  repository.write(files, material);
  const certificate = new X509Certificate(material.certificatePem);
  process.stdout.write(
    [
      `wrote ${files.certificate}`,
      `wrote ${files.privateKey} (mode 0600)`,
      `subject ${certificate.subject.replace(/\n/g, ', ')}`,
      `valid ${certificate.validFrom} to ${certificate.validTo}`,
      `SHA-256 fingerprint ${certificate.fingerprint256}`,
      'the registry issues with it when started from this directory (or with CA_CERT_FILE and CA_KEY_FILE set)',
    ].join('\n') + '\n',
  );
}

function caFiles(env: NodeJS.ProcessEnv): CaFiles {
  const defaults = caFilesIn('certs');
  return {
    certificate: resolve(env.CA_CERT_FILE || defaults.certificate),
    privateKey: resolve(env.CA_KEY_FILE || defaults.privateKey),
  };
}

main().catch((error: unknown) => {
  process.stderr.write(`make-dev-certs failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
