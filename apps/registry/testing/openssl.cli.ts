import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The openssl command line, for specs that check issued certificates with an X.509
 * implementation independent of the one that made them. Not used by the registry itself.
 */
export class OpensslCli {
  private readonly dir = mkdtempSync(join(tmpdir(), 'bureaunet-openssl-'));

  /** `openssl verify -CAfile ca.pem cert.pem` at the given time; returns its output or throws with it. */
  verify(caPem: string, certificatePem: string, at: Date): string {
    const ca = this.file('ca.pem', caPem);
    const certificate = this.file('certificate.pem', certificatePem);
    return this.run([
      'verify',
      '-x509_strict',
      '-attime',
      String(Math.floor(at.getTime() / 1000)),
      '-CAfile',
      ca,
      certificate,
    ]);
  }

  /** `openssl x509 -text`: the certificate as openssl reads it. */
  text(certificatePem: string): string {
    return this.run(['x509', '-noout', '-text', '-in', this.file('text.pem', certificatePem)]);
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private file(name: string, content: string): string {
    const path = join(this.dir, name);
    writeFileSync(path, content);
    return path;
  }

  private run(args: string[]): string {
    try {
      return execFileSync('openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string; message: string };
      throw new Error(`openssl ${args[0]} failed: ${failed.stdout ?? ''}${failed.stderr ?? failed.message}`);
    }
  }
}
