import { randomBytes, X509Certificate } from 'node:crypto';
import { CryptoError, verifyCaLink } from '@bureaunet/crypto';
import { OpensslCli } from '../../testing/openssl.cli';
import { issueCaLink } from './ca-link.issuer';
import { openCertificateAuthority, type CertificateAuthority } from './certificate-authority';
import { createRootCa } from './root-ca';

const NOW = new Date('2026-06-01T12:00:00.000Z');

describe('issueCaLink and verifyCaLink: adopting a new CA on the word of the trusted one', () => {
  let previous: CertificateAuthority;
  let issuing: CertificateAuthority;
  let rogue: CertificateAuthority;
  let openssl: OpensslCli;

  const open = async () => openCertificateAuthority(await createRootCa({ now: NOW, randomBytes }), 'ca.crt');
  const certificate = (pem: string) => new X509Certificate(pem);

  beforeAll(async () => {
    [previous, issuing, rogue] = [await open(), await open(), await open()];
    openssl = new OpensslCli();
  });

  afterAll(() => openssl.dispose());

  it('certifies the new CA’s name and key with the previous CA, as openssl -x509_strict accepts', async () => {
    const link = await issueCaLink({ previous, issuing, now: NOW, randomBytes });
    expect(openssl.verify(previous.certificatePem, link, NOW)).toMatch(/: OK\s*$/);
    expect(() =>
      verifyCaLink({
        trusted: certificate(previous.certificatePem),
        next: certificate(issuing.certificatePem),
        link: certificate(link),
      }),
    ).not.toThrow();
  });

  it('refuses a link from another CA, or one for another key', async () => {
    const fromRogue = await issueCaLink({ previous: rogue, issuing, now: NOW, randomBytes });
    expect(() =>
      verifyCaLink({
        trusted: certificate(previous.certificatePem),
        next: certificate(issuing.certificatePem),
        link: certificate(fromRogue),
      }),
    ).toThrow(/its link is not a CA certificate issued by the trusted CA/);
    const toRogue = await issueCaLink({ previous, issuing: rogue, now: NOW, randomBytes });
    const error = (() => {
      try {
        verifyCaLink({
          trusted: certificate(previous.certificatePem),
          next: certificate(issuing.certificatePem),
          link: certificate(toRogue),
        });
        return undefined;
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(CryptoError);
    expect(error).toMatchObject({
      code: 'certificate-invalid',
      message: expect.stringMatching(/its link certifies another name or key$/),
    });
  });
});
