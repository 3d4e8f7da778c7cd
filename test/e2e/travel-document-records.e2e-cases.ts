import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HUB_CODE, type TravelDocumentRecord } from '@bureaunet/contracts';
import { TestNetwork, waitFor } from '@bureaunet/testing';
import { RogueBureau } from '@bureaunet/testing/rogue-bureau';

const record = (documentNumber: string, status: TravelDocumentRecord['status'] = 'stolen'): TravelDocumentRecord => ({
  documentNumber,
  issuingCountry: 'DK',
  documentType: 'passport',
  status,
  reportedAt: '2026-11-30T09:00:00.000Z',
  details: { familyName: 'Eriksson', givenNames: 'Anna', dateOfBirth: '1981-04-02' },
});
const REPORTED = [record('DKE2E0001'), record('DKE2E0002', 'lost'), record('DKE2E0003')];

interface DatabasesStatus {
  countries: Array<{ issuingCountry: string; entries: number; withdrawn: number; unpublished: number }>;
  stream: { messages: number; lastSequence: number } | null;
}

/**
 * Travel-document records end to end, every service on its own restricted broker user: the issuer
 * reports, the hub's databases service keeps the index and publishes it on BN_SLTD, a bureau's
 * replica consumer reads it; the hub never holds a number. Needs the evaluator (the hub's POPRF
 * service) running in the network for the issuer's report. Run by the border-check spec on its
 * network (hub, DK, MR, broker isolation); counts are taken against what the index held before.
 */
export function describeTravelDocumentRecords(networkOf: () => TestNetwork): void {
  describe('travel-document records from the issuer to the hub and the replica feed', () => {
    let network: TestNetwork;
    /** The index and DK's replica once settled, before DK's report. */
    let baseline: { dkEntries: number; streamMessages: number; replicaEntries: number };

    beforeAll(() => {
      network = networkOf();
    });

    const hubStatus = () => network.api(HUB_CODE, 'admin').call<DatabasesStatus>('GET', '/api/databases/status');

    it('keeps BN_SLTD on the hub under its own broker user', async () => {
      const status = await waitFor(async () => ((await hubStatus()).stream ? hubStatus() : undefined), {
        what: 'the replica stream made by the hub',
      });
      expect(status.stream).toEqual({ messages: expect.any(Number), lastSequence: expect.any(Number) });
      expect(network.output()).not.toMatch(/Permissions Violation/i);
    });

    /** The hub's index published and DK's replica holding all of it: what the counts below start from. */
    const settled = () =>
      waitFor(
        async () => {
          const hub = await hubStatus();
          if (!hub.stream || hub.countries.some((counts) => counts.unpublished > 0)) return undefined;
          const replica = await network.api('DK').replicaStatus();
          if (replica.appliedSequence < hub.stream.lastSequence || replica.pending !== 0) return undefined;
          return {
            dkEntries: hub.countries.find((counts) => counts.issuingCountry === 'DK')?.entries ?? 0,
            streamMessages: hub.stream.messages,
            replicaEntries: replica.entries,
          };
        },
        { what: "the hub's index published and DK's replica caught up, before DK's report" },
      );

    it("takes DK's records to the hub's index and onto the stream", async () => {
      baseline = await settled();
      const answer = await network
        .api('DK')
        .call<{ envelopes: string[]; records: unknown[] }>('POST', '/api/travel-documents', { records: REPORTED });
      expect(answer.envelopes).toHaveLength(1);
      const status = await waitFor(
        async () => {
          const current = await hubStatus();
          const dk = current.countries.find((counts) => counts.issuingCountry === 'DK');
          return dk?.entries === baseline.dkEntries + REPORTED.length && dk.unpublished === 0 ? current : undefined;
        },
        { what: "DK's records in the hub's index, published" },
      );
      expect(status.stream?.messages).toBe(baseline.streamMessages + REPORTED.length);
    });

    it("lets DK's node, on its own broker user, resync its replica consumer and read the whole index", async () => {
      const onStream = (await hubStatus()).stream?.lastSequence ?? 0;
      expect(onStream).toBeGreaterThan(0);
      // Broker isolation: DK's node asks for its resync and pulls sltd-DK with the rights its user has, nothing more.
      const replica = await waitFor(
        async () => {
          const status = await network.api('DK').replicaStatus();
          // A resync placed after what the node had applied redelivers it: wait until that is read again.
          return status.resync === 'done' && status.appliedSequence >= onStream && status.pending === 0
            ? status
            : undefined;
        },
        { what: "DK's replica holding the whole index" },
      );
      expect(replica).toMatchObject({ appliedSequence: onStream, pending: 0, skipped: 0 });
      expect(replica.entries).toBe(
        baseline.replicaEntries + REPORTED.filter((record) => record.status !== 'recovered').length,
      );
    });

    it("refuses at the gateway a record MR signs as DK's, naming the rule, and the hub keeps nothing of it", async () => {
      const before = (await hubStatus()).countries;
      // MR's node refuses to send this kind by hand, so MR signs it with its real keys and publishes
      // it with its own broker user, past its node: what a hostile bureau can do.
      const rogue = await RogueBureau.posingWith(network, 'MR');
      try {
        const forged = await rogue.seal({
          kind: 'travel-document-record',
          to: [HUB_CODE],
          meta: { recordOwner: 'DK' },
          body: { changes: [{ index: 'a'.repeat(64), issuingCountry: 'DK', version: 99, withdrawn: true }] },
        });
        await rogue.submit(forged.serialized);
        const refused = await waitFor(
          async () => (await rogue.trail(forged.payload.id)).find((entry) => entry.type === 'recipient-refused'),
          { what: "the gateway's verdict on MR's forged record" },
        );
        expect(refused).toMatchObject({ to: HUB_CODE, code: 'policy-denied', rule: 'records-only-by-issuer' });
      } finally {
        await rogue.close();
      }
      expect((await hubStatus()).countries).toEqual(before);
    });

    it("keeps no document number in the hub's database, nor in any service's log", () => {
      const hubDir = join(network.dataDir, `node-${HUB_CODE}`);
      const files = readdirSync(hubDir).filter((name) => name.startsWith('node.sqlite'));
      expect(files).toContain('node.sqlite');
      const bytes = Buffer.concat(files.map((name) => readFileSync(join(hubDir, name))));
      const output = network.output();
      for (const { documentNumber } of REPORTED) {
        expect({ documentNumber, inHubDatabase: bytes.includes(Buffer.from(documentNumber)) }).toEqual({
          documentNumber,
          inHubDatabase: false,
        });
        expect({ documentNumber, inLogs: output.includes(documentNumber) }).toEqual({ documentNumber, inLogs: false });
      }
    });
  });
}
