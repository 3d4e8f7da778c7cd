import { LocalNetwork, NodeApiClient, NodeRole, waitFor } from '@bureaunet/testing';

/** A Danish passport's machine-readable zone (ICAO 9303 TD3): number 206573914, check digits by the ICAO rule. */
export const STOLEN_DANISH_PASSPORT = {
  number: '206573914',
  mrz: ['P<DNKNIELSEN<<KASPER<<<<<<<<<<<<<<<<<<<<<<<<', '2065739149DNK8804156M3102204<<<<<<<<<<<<<<<0'],
};

/**
 * The end of `npm start`'s scenario, the check this network exists for: Denmark reports a stolen
 * passport; a border officer at another bureau checks it by its MRZ and gets a hit; Denmark is
 * notified at once and confirms; the officer sees the confirmation. Each step observed before the next.
 */
export async function playBorderCheckScenario(
  network: LocalNetwork,
  checker: string,
  step: (text: string) => void,
): Promise<void> {
  const api = (code: string, role: NodeRole = 'officer') =>
    new NodeApiClient(network.node(code).url, network.nodeTokens.get(code)?.[role], network.ca);
  const { number, mrz } = STOLEN_DANISH_PASSPORT;

  await api('DK').reportTravelDocuments([
    {
      documentNumber: number,
      issuingCountry: 'DK',
      documentType: 'passport',
      status: 'stolen',
      reportedAt: new Date().toISOString(),
      details: { familyName: 'NIELSEN', givenNames: 'Kasper', incidentPlace: 'Copenhagen Central Station' },
    },
  ]);
  step(
    `DK reports passport ${number} stolen: its node blinds the number through the evaluator, seals the details and sends only the opaque entry to the hub, which publishes it to every replica`,
  );

  const border = api(checker, 'border-officer');
  const answer = await waitFor(
    async () => {
      const check = await border.checkDocument({ mrz, place: 'Border post 12' });
      return check.outcome === 'hit' ? check : undefined;
    },
    { what: `the stolen passport in ${checker}'s replica` },
  );
  step(
    `a border officer at ${checker} (Border post 12) checks the passport's MRZ → HIT: ${answer.hit?.status} ${answer.hit?.documentType} of ${answer.hit?.owner}; ${answer.hit?.owner} notified, answer due by ${answer.hit?.answerBy}`,
  );

  const received = await waitFor(
    async () => (await api('DK').hits({ direction: 'received' })).items.find((hit) => hit.checkId === answer.checkId),
    { what: 'the hit notification at DK' },
  );
  await api('DK').answerHit(received.id, {
    answer: 'confirmed',
    status: 'stolen',
    note: 'Confirmed stolen on 30 November; seize the passport and hold the bearer, NCB Copenhagen is on the line',
  });
  const confirmed = await waitFor(
    async () => {
      const detail = await border.check(answer.checkId);
      return detail.hits[0]?.state === 'answered' ? detail.hits[0] : undefined;
    },
    { what: `DK's confirmation at ${checker}` },
  );
  step(
    `DK confirms (${confirmed.answer?.answer}: "${confirmed.answer?.note}"); the officer at ${checker} has the answer`,
  );
}
