import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HUB_CODE } from '@bureaunet/contracts';
import {
  DANISH_PASSPORT_MRZ as STOLEN_MRZ,
  DANISH_PASSPORT_NUMBER as STOLEN,
  HttpError,
  TestNetwork,
  danishTravelDocument as record,
  startTestNetwork,
  waitFor,
} from '@bureaunet/testing';
import { describeBrokerIsolation } from './broker-isolation.e2e-cases';
import { describeHubEvaluator } from './evaluator.e2e-cases';
import { describeTravelDocumentRecords } from './travel-document-records.e2e-cases';

/**
 * The border check of the story, through real processes and a broker that isolates each
 * party: Denmark reports a stolen passport; a border officer in Mauritania checks it by its MRZ and
 * by number; the hit reaches Denmark, whose officer confirms; the answer reaches the officer. Then
 * the hub's databases service stops: checks go on from the replica, a new report waits, and the
 * replica catches up when the hub returns. Nothing at the hub keeps a checked number.
 *
 * One network (hub, DK, MR, each party on its own broker user) for these cases and those of the
 * travel-document records, the broker isolation and the hub's evaluator: the evaluator's last, as
 * they restart it at debug level.
 */

const NEVER_REPORTED = '771204958';
const REPORTED_DURING_OUTAGE = '309918273';

describe('hub, DK and MR, each on its own broker user', () => {
  let network: TestNetwork;

  beforeAll(async () => {
    network = await startTestNetwork([HUB_CODE, 'DK', 'MR'], {}, { brokerIsolation: true });
  });

  afterAll(async () => {
    await network?.teardown();
  });

  describeTravelDocumentRecords(() => network);
  describeBrokerIsolation(() => network);

  describe('border checks across the network', () => {
    const refusal = async (call: Promise<unknown>) => {
      try {
        await call;
      } catch (error) {
        if (error instanceof HttpError) return { status: error.status, body: error.body };
        throw error;
      }
      throw new Error('expected a refusal');
    };

    const border = () => network.api('MR', 'border-officer');
    const caughtUp = () =>
      waitFor(
        async () => {
          const replica = await border().replicaStatus();
          return replica.resync === 'done' && replica.pending === 0 ? replica : undefined;
        },
        { what: "MR's replica caught up" },
      );

    it('answers a hit by MRZ with the record the owner reported, and a no-hit by number', async () => {
      await network.api('DK').reportTravelDocuments([record(STOLEN), record('206573915', 'lost')]);
      const hit = await waitFor(
        async () => {
          const answer = await border().checkDocument({ mrz: STOLEN_MRZ, place: 'Nouakchott airport' });
          return answer.outcome === 'hit' ? answer : undefined;
        },
        { what: "the stolen passport in MR's replica" },
      );
      expect(hit).toMatchObject({
        outcome: 'hit',
        document: { issuingCountry: 'DK', documentType: 'passport' },
        hit: {
          owner: 'DK',
          status: 'stolen',
          documentType: 'passport',
          details: { familyName: 'NIELSEN', incidentPlace: 'Copenhagen Central Station' },
          notification: 'sent',
        },
        source: 'replica',
      });
      const none = await border().checkDocument({ documentNumber: NEVER_REPORTED, issuingCountry: 'DK' });
      expect(none).toMatchObject({ outcome: 'no-hit' });
      expect(none.hit).toBeUndefined();
    });

    it('refuses an MRZ with a wrong check digit, naming the field and its position', async () => {
      const wrong = [STOLEN_MRZ[0], `${STOLEN_MRZ[1].slice(0, 9)}0${STOLEN_MRZ[1].slice(10)}`];
      expect(await refusal(border().checkDocument({ mrz: wrong }))).toMatchObject({
        status: 400,
        body: { code: 'mrz-check-digit', field: 'documentNumber', at: { line: 2, position: 10 } },
      });
    });

    it("sends the hit to Denmark at once; Denmark's confirmation reaches the checking officer", async () => {
      const [check] = (await border().checks({ limit: 10 })).items.filter((item) => item.outcome === 'hit');
      const pending = await border().check(check.id);
      expect(pending.hits).toEqual([
        expect.objectContaining({ state: 'awaiting', remainingMs: expect.any(Number), answer: null }),
      ]);
      expect(pending.hits[0].remainingMs).toBeGreaterThan(0);

      const dk = network.api('DK');
      const received = await waitFor(
        async () => (await dk.hits({ direction: 'received' })).items.find((item) => item.checkId === check.id),
        { what: 'the hit notification at DK' },
      );
      expect(received).toMatchObject({
        counterpart: 'MR',
        place: 'Nouakchott airport',
        state: 'awaiting',
        hit: { kind: 'document', issuingCountry: 'DK', status: 'stolen' },
      });
      await dk.answerHit(received.id, {
        answer: 'confirmed',
        status: 'stolen',
        note: 'Seize it; contact NCB Copenhagen',
      });
      const answered = await waitFor(
        async () => {
          const detail = await border().check(check.id);
          return detail.hits[0]?.state === 'answered' ? detail : undefined;
        },
        { what: "DK's confirmation at MR" },
      );
      expect(answered.hits[0].answer).toMatchObject({ answer: 'confirmed', status: 'stolen', late: false });
    });

    it('keeps answering from the replica while the hub’s databases service is stopped, and catches up after', async () => {
      await caughtUp();
      await network.node(HUB_CODE).stop();
      const during = await border().checkDocument({ documentNumber: STOLEN, issuingCountry: 'DK' });
      expect(during).toMatchObject({ outcome: 'hit', hit: { status: 'stolen' }, replica: { complete: true } });
      expect(during.replica.ageMs).toEqual(expect.any(Number));

      // Durable at DK and queued at the gateway while the hub is away: not yet in any replica.
      await network.api('DK').reportTravelDocuments([record(REPORTED_DURING_OUTAGE)]);
      expect(
        (await border().checkDocument({ documentNumber: REPORTED_DURING_OUTAGE, issuingCountry: 'DK' })).outcome,
      ).toBe('no-hit');

      await network.node(HUB_CODE).restart();
      const after = await waitFor(
        async () => {
          const answer = await border().checkDocument({ documentNumber: REPORTED_DURING_OUTAGE, issuingCountry: 'DK' });
          return answer.outcome === 'hit' ? answer : undefined;
        },
        { what: 'the record reported during the outage in MR’s replica', timeoutMs: 60_000 },
      );
      expect(after.hit).toMatchObject({ owner: 'DK', status: 'stolen' });
    });

    it('leaves no checked number in the hub’s databases service or the evaluator: their files and their logs', () => {
      const checked = [STOLEN, NEVER_REPORTED, REPORTED_DURING_OUTAGE, ...STOLEN_MRZ];
      const filesUnder = (dir: string): string[] =>
        readdirSync(dir).flatMap((name) => {
          const path = join(dir, name);
          return statSync(path).isDirectory() ? filesUnder(path) : [path];
        });
      const hubBytes = Buffer.concat(
        [
          ...filesUnder(join(network.dataDir, `node-${HUB_CODE}`)),
          ...filesUnder(join(network.dataDir, 'evaluator')),
        ].map((file) => readFileSync(file)),
      );
      const output = network.output();
      for (const value of checked) {
        expect({ value, inHubFiles: hubBytes.includes(Buffer.from(value)) }).toEqual({ value, inHubFiles: false });
        expect({ value, inLogs: output.includes(value) }).toEqual({ value, inLogs: false });
      }
    });
  });

  describeHubEvaluator(() => network);
});
