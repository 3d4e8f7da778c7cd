import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DocShell,
  NetworkLauncher,
  freeNetworkPorts,
  httpCall,
  processesMentioning,
  readDocProcedure,
  repoRoot,
  spawnNetworkLauncher,
  waitFor,
} from '@bureaunet/testing';

const CODES = ['XH', 'MR', 'DK', 'FR'];
const doc = (path: string) => join(repoRoot(), path);

/**
 * The README's and docs/' procedures, their marked shell blocks run as written, in one shell
 * session, against a network started the way the README says. Only the fixed ports differ: the
 * launcher takes free ones through the documented variables, and the commands are pointed at them.
 */
describe('the documented procedures, run as written', () => {
  let dir: string;
  let ports: Record<string, string>;
  let launcher: NetworkLauncher;
  let shell: DocShell;
  let ca: string;

  /** A call as a node's role, trusting the network's CA. */
  const call = async (url: string, token: string) =>
    JSON.parse((await httpCall(url, { headers: { authorization: `Bearer ${token}` } }, ca)).text) as unknown;
  const token = (code: string) =>
    (JSON.parse(readFileSync(join(dir, 'var', 'tokens', `${code}.json`), 'utf8')) as { officer: string }).officer;
  const nodeUrl = (index: number) => `https://127.0.0.1:${Number(ports.NODE_PORT_BASE) + index}`;

  beforeAll(async () => {
    // A checkout as the commands expect from the repository's root, with this network's state as var/.
    dir = mkdtempSync(join(tmpdir(), 'bureaunet-docs-'));
    for (const entry of ['package.json', 'dist', 'node_modules'])
      symlinkSync(join(repoRoot(), entry), join(dir, entry));
    ports = await freeNetworkPorts(CODES.length + 1); // and one for the bureau the operations guide adds
    const env = { ...ports, BUREAUNET_VAR_DIR: join(dir, 'var'), BUREAUNET_SCENARIO: '0' };
    launcher = spawnNetworkLauncher(env, dir);
    await launcher.waitForLine(/^network ready$/);
    ca = readFileSync(join(dir, 'var', 'tls', 'ca.crt.pem'), 'utf8');
    shell = new DocShell(dir, { ...process.env, ...env }, pointAt(ports));
  });

  afterAll(async () => {
    await shell?.stop();
    await launcher?.stop();
    expect(processesMentioning(dir)).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('README, two commands: npm start prints each service, where things are, then network ready', () => {
    const output = launcher.output();
    expect(output).toContain(`registry https://127.0.0.1:${ports.REGISTRY_PORT}`);
    expect(output).toContain(`gateway https://127.0.0.1:${ports.GATEWAY_PORT}`);
    expect(output).toContain(`evaluator https://127.0.0.1:${ports.EVALUATOR_PORT}`);
    CODES.forEach((code, index) => expect(output).toContain(`node ${code} ${nodeUrl(index)}`));
    expect(output).toContain(`administrator token in ${join(dir, 'var', 'admin-token')}`);
  });

  it('README, quick start: DK sends to MR, MR has it, DK sees it receipted', async () => {
    const output = await shell.follow(readDocProcedure(doc('README.md'), 'quick-start'));
    const id = shell.variable('ID');
    expect(output).toContain(`sent ${id}`);
    await waitFor(
      async () => {
        const message = (await call(`${nodeUrl(2)}/api/messages/${id}`, token('DK'))) as {
          recipients: { code: string; state: string }[];
        };
        return message.recipients.some((recipient) => recipient.code === 'MR' && recipient.state === 'receipted');
      },
      { what: `MR's receipt for ${id} at DK` },
    );
  });

  it('README, access rules: the administrator reads the rules and checks a decision', async () => {
    const output = await shell.follow(readDocProcedure(doc('README.md'), 'access-rules'));
    expect(output).toContain('"decision":"deny"');
    expect(output).toContain('notices-only-from-hub');
  });

  it('docs/rules.md: read, check, declare, list, and the gateway follows', async () => {
    const output = await shell.follow(readDocProcedure(doc('docs/rules.md'), 'rules'));
    expect(output).toContain('"rule":"data-owner-restriction"');
    expect(output).toContain('refuses-diffusions-from');
  });

  it('docs/operations.md, adding a bureau: ES enrols, is in the directory and receives a message', async () => {
    const output = await shell.follow(readDocProcedure(doc('docs/operations.md'), 'add-a-bureau'));
    expect(output).toContain('"code":"ES"');
    await waitFor(
      async () => JSON.stringify(await call(`${nodeUrl(CODES.length)}/api/inbox`, token('ES'))).includes('welcome'),
      { what: "DK's message in ES's inbox" },
    );
  });
});

/**
 * The documents' fixed ports (registry 3001, gateway 3002, evaluator 3003, nats 4322, nodes from 3100) turned into
 * this network's; any other port in a command is an error, so a test never reaches a person's network.
 */
function pointAt(ports: Record<string, string>): (script: string) => string {
  const map = new Map<string, string>([
    ['4322', ports.NATS_PORT],
    ['3001', ports.REGISTRY_PORT],
    ['3002', ports.GATEWAY_PORT],
    ['3003', ports.EVALUATOR_PORT],
    ...Array.from({ length: CODES.length + 1 }, (_, index): [string, string] => [
      String(3100 + index),
      String(Number(ports.NODE_PORT_BASE) + index),
    ]),
  ]);
  return (script) =>
    script.replace(/(127\.0\.0\.1:|_PORT=)(\d+)/g, (_, prefix: string, port: string) => {
      const mapped = map.get(port);
      if (!mapped) throw new Error(`a documented command uses port ${port}, which the docs test does not know`);
      return `${prefix}${mapped}`;
    });
}
