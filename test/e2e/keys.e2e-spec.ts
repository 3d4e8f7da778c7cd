import { HUB_CODE } from '@bureaunet/contracts';
import { TestNetwork, startTestNetwork, waitFor } from '@bureaunet/testing';

interface Expiry {
  notAfter: string;
  daysLeft: number;
}

async function health<T>(url: string): Promise<T> {
  const response = await fetch(`${url}/api/health`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

describe('certificate expiry on every service', () => {
  let network: TestNetwork;

  beforeAll(async () => {
    // 20-day certificates: inside the 30-day warning period from the start, not yet in the renewal window (a third of the lifetime).
    network = await startTestNetwork([HUB_CODE, 'MR'], { CERT_VALIDITY_DAYS: '20' });
  });

  afterAll(async () => {
    await network?.teardown();
  });

  it('shows each certificate’s notAfter and days left, and the CA’s, on GET /api/health', async () => {
    const registry = await health<{ ca: Expiry }>(network.registry.url);
    expect(registry).toMatchObject({ status: 'ok', service: 'registry', ca: { notAfter: expect.any(String) } });
    expect(registry.ca.daysLeft).toBeGreaterThan(3000);
    const gateway = await health<{ certificates: Record<'signing' | 'encryption' | 'ca', Expiry> }>(
      network.gateway.url,
    );
    const node = await health<{ certificates: Record<'signing' | 'encryption' | 'ca', Expiry> }>(
      network.nodes.get('MR')!.url,
    );
    for (const { certificates } of [gateway, node]) {
      expect(certificates.ca).toEqual(registry.ca);
      for (const use of ['signing', 'encryption'] as const) {
        expect(Date.parse(certificates[use].notAfter)).toBeLessThanOrEqual(Date.now() + 20 * 86_400_000);
        expect([19, 20]).toContain(certificates[use].daysLeft);
      }
    }
  });

  it('warns in the logs, from the start, of certificates within 30 days of expiry', async () => {
    for (const code of ['MR', 'XG']) {
      await waitFor(() => network.output().includes(`the signing certificate of ${code} expires at`), {
        what: `the expiry warning of ${code}`,
      });
    }
    expect(network.output()).toMatch(/the encryption certificate of MR expires at \S+ \((19|20) days left\)/);
  });
});
