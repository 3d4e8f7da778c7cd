import 'reflect-metadata';
import { randomBytes, X509Certificate } from 'node:crypto';
import { join, resolve } from 'node:path';
import { CaRepository, caFilesIn, type CaFiles } from '../apps/registry/src/pki/ca.repository';
import { createRootCa } from '../apps/registry/src/pki/root-ca';
import { fingerprintOf, isEmptyNetwork, surveyEnrolledNetwork, type EnrolledNetwork } from './enrolled-network.survey';

/**
 * `npm run certs`: a development root CA in certs/ca.crt + certs/ca.key (or CA_CERT_FILE and
 * CA_KEY_FILE, resolved as the registry resolves them). The registry issues every bureau
 * certificate with it. Never overwrites, and never splits a network: when var/ already holds one
 * enrolled under another CA it refuses, or with --migrate copies that CA here instead.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== '--migrate');
  if (unknown.length > 0) return refuse(`unknown argument ${unknown.join(' ')}: the only option is --migrate`);
  const files = caFiles(process.env);
  const repository = new CaRepository();
  if (repository.presence(files) !== 'none') {
    const existing = repository.presence(files) === 'both' ? ` (the CA ${fingerprintOf(files.certificate)})` : '';
    return refuse(
      `refusing: ${files.certificate} / ${files.privateKey} already exist${existing}. Replacing a CA splits the network: ` +
        'every certificate it issued stops verifying and each bureau must enrol again. To start over, remove both files and var/.',
    );
  }
  const varDir = resolve('var');
  const network = surveyEnrolledNetwork(varDir, resolve(process.env.REGISTRY_DATA_DIR || join('var', 'registry')));
  if (!isEmptyNetwork(network)) {
    if (args.includes('--migrate')) return migrate(network, files, repository);
    return refuse(splitMessage(network, files));
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

/** Copies the CA the registry in var/ issues with to certs/: the network keeps working, nothing re-enrols. */
function migrate(network: EnrolledNetwork, files: CaFiles, repository: CaRepository): void {
  const { registryCa } = network;
  if (!registryCa) {
    return refuse(
      `refusing to migrate: ${network.registryDatabase?.path ?? 'var/'} holds an enrolled network but no registry CA to migrate ` +
        `(it was issued by CA files that are gone). Restore them to ${files.certificate} and ${files.privateKey}, or remove var/ to start a new network.`,
    );
  }
  const others = network.bureaus.filter((bureau) => bureau.fingerprint !== registryCa.fingerprint);
  if (others.length > 0) {
    return refuse(
      `refusing to migrate: these identities trust another CA than ${registryCa.path} (${registryCa.fingerprint}): ${describe(others)}. Re-enrol them first, or remove var/.`,
    );
  }
  repository.write(files, repository.read({ certificate: registryCa.path, privateKey: registryCa.keyPath }));
  process.stdout.write(
    [
      `copied the CA of the network in var/ (${registryCa.fingerprint}) from ${registryCa.path}`,
      `wrote ${files.certificate}`,
      `wrote ${files.privateKey} (mode 0600)`,
      'the registry now issues from there with the same CA: no bureau needs to enrol again',
    ].join('\n') + '\n',
  );
}

function splitMessage(network: EnrolledNetwork, files: CaFiles): string {
  const traces = [network.registryCa, ...network.bureaus].filter((trace) => trace !== undefined);
  const where = traces.length > 0 ? describe(traces) : `${network.registryDatabase!.path} (enrolled bureaus)`;
  return (
    `refusing: var/ already holds a network enrolled under another CA: ${where}. A new CA in ${files.certificate} would make the ` +
    'registry issue under it while every bureau still trusts the old one, splitting the network. Run `npm run certs -- --migrate` ' +
    'to copy the network’s CA to certs/ instead, or remove var/ to start a new network (every bureau then enrols again).'
  );
}

function describe(traces: ReadonlyArray<{ path: string; fingerprint?: string }>): string {
  return traces.map((trace) => (trace.fingerprint ? `${trace.path} (${trace.fingerprint})` : trace.path)).join(', ');
}

function refuse(message: string): void {
  process.stderr.write(`${message}\n`);
  process.exitCode = 1;
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
