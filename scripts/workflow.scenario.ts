import { HUB_CODE } from '@bureaunet/contracts';
import { LocalNetwork, NodeApiClient, NodeRole, SentMessageView, httpCall, waitFor } from '@bureaunet/testing';
import { playBorderCheckScenario } from './border-check.scenario';

/**
 * The demo `npm start` plays after "network ready": one readable line per step of the police
 * workflows, each step observed on the receiving node before the next (no sleeps).
 */
export async function playWorkflowScenario(network: LocalNetwork, say: (line: string) => void): Promise<void> {
  const codes = [...network.nodes.keys()].filter((code) => code !== HUB_CODE);
  if (!network.nodes.has(HUB_CODE) || codes.length < 3) {
    say(`scenario skipped: it needs the hub and three bureaus (BUREAUNET_CODES=${HUB_CODE},MR,DK,FR)`);
    return;
  }
  const requester = codes.includes('DK') ? 'DK' : codes[0];
  const reporter = requester;
  const coordinator = requester;
  const others = codes.filter((code) => code !== requester).slice(0, 2) as [string, string];
  const [participant] = others;
  // Each step with the role that takes it at that bureau: officers, the hub's reviewer, the coordinator.
  const api = (code: string, role: NodeRole = 'officer') =>
    new NodeApiClient(network.node(code).url, network.nodeTokens.get(code)?.[role], network.ca);
  const hub = api(HUB_CODE, 'reviewer');

  // 1. A bureau requests a red notice.
  const { id: requestId } = await api(requester).requestNotice({
    type: 'red',
    familyName: 'DOE',
    givenNames: 'John',
    dateOfBirth: '1981-04-12',
    nationality: 'GB',
    documentNumbers: ['P5551234'],
    offence: 'armed robbery of a jewellery shop (arrest warrant 2026/114)',
    expiry: new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10),
  });
  say(`scenario 1/9: ${requester} asks the hub for a red notice on DOE John (armed robbery) → request ${requestId}`);

  // 2. The hub reviews and publishes it.
  await waitFor(async () => (await hub.reviewQueue()).some((item) => item.id === requestId), {
    what: 'the request in the hub review queue',
  });
  const { number } = await hub.approveNotice(requestId);
  await waitFor(
    async () => (await api(participant).searchNotices({ name: 'doe jo' })).some((notice) => notice.number === number),
    { what: `notice ${number} at ${participant}` },
  );
  say(
    `scenario 2/9: ${HUB_CODE} approves it and publishes red notice ${number} to every active bureau; ${participant} finds it searching "doe jo"`,
  );

  // 3. A bureau reports a stolen passport by diffusion (the hub gets a copy for compliance).
  const { id: diffusionId } = await api(reporter).diffuse({
    to: others,
    title: 'Stolen passport',
    details: 'Passport X1234567 reported stolen at Copenhagen airport',
    documentNumbers: ['X1234567'],
    priority: 'urgent',
  });
  await waitFor(async () => (await api(participant).diffusions()).some((item) => item.id === diffusionId), {
    what: `the diffusion at ${participant}`,
  });
  say(
    `scenario 3/9: ${reporter} reports stolen passport X1234567 by diffusion to ${others.join(', ')} (copy to ${HUB_CODE} for compliance) → ${participant} has it`,
  );

  // 4. The coordinator creates an operation with three countries at its own node (bound to its bureau).
  const operationId = `trident-${Date.now()}`;
  const response = await httpCall(
    `${network.node(coordinator).url}/api/operations`,
    {
      method: 'POST',
      headers: {
        authorization: `Bearer ${network.nodeTokens.get(coordinator)?.coordinator}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        id: operationId,
        name: 'Operation Trident',
        participants: others,
        start: new Date(Date.now() - 60_000).toISOString(),
        end: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      }),
    },
    network.ca,
  );
  if (!response.ok) throw new Error(`${coordinator}'s node refused the operation: ${response.status} ${response.text}`);
  const { version } = JSON.parse(response.text) as { version: number };
  const rulesVersion = async () =>
    (
      JSON.parse((await httpCall(`${network.gateway.url}/api/rules/status`, {}, network.ca)).text) as {
        version: number | null;
      }
    ).version;
  await waitFor(async () => (await rulesVersion())! >= version, { what: 'the operation at the gateway' });
  say(
    `scenario 4/9: ${coordinator} coordinates ${operationId} with ${[coordinator, ...others].join(', ')} (created at its node, rules version ${version})`,
  );

  // 5. The coordinator broadcasts an alert to the participants.
  const alert = await api(coordinator, 'coordinator').alert(operationId, {
    title: 'Grey van heading north',
    details: 'Plate AB-123-CD, two suspects, expected at the border tonight',
    priority: 'immediate',
  });
  const report = await waitFor(
    async () => {
      const view = await api(coordinator).message<SentMessageView>(alert.id);
      return view.recipients.length > 0 && view.recipients.every((recipient) => recipient.state !== 'pending')
        ? view
        : undefined;
    },
    { what: 'the alert delivered' },
  );
  say(
    `scenario 5/9: ${coordinator} broadcasts an alert to ${report.recipients.map((recipient) => `${recipient.code} ${recipient.state}`).join(', ')}`,
  );

  // 6. A participant replies.
  await waitFor(async () => (await api(participant).alerts(operationId)).some((item) => item.id === alert.id), {
    what: `the alert at ${participant}`,
  });
  await api(participant).replyToAlert(alert.id, 'Border post 12 alerted, checkpoint set up on the E45');
  await waitFor(async () => (await api(coordinator).replies(operationId)).length > 0, {
    what: `the reply at ${coordinator}`,
  });
  say(`scenario 6/9: ${participant} replies to the alert; ${coordinator} has the reply`);

  // 7–9. The border check: a stolen Danish passport, hit at another bureau, confirmed by Denmark.
  if (codes.includes('DK')) {
    let step = 7;
    await playBorderCheckScenario(network, participant, (text) => say(`scenario ${step++}/9: ${text}`));
  } else say(`scenario 7/9: border check skipped: it needs the Danish bureau (DK)`);
  say(
    `scenario done: try  npm run cli -- --node ${network.node(participant).url} --token-file var/tokens/${participant}.json notice list --name doe`,
  );
  say(
    `               or   npm run cli -- --node ${network.node(participant).url} --token-file var/tokens/${participant}.json --role border-officer check document --number 206573914 --country DK`,
  );
}
