import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { HUB_CODE } from '@bureaunet/contracts';
import { TestNetwork, repoRoot, waitFor } from '@bureaunet/testing';

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The built CLI against a network on HTTPS, trusting the local CA as the docs say (NODE_EXTRA_CA_CERTS),
 * with the nodes' static tokens. Run by the CLI-for-people spec on its network (hub, MR, DK, TLS).
 */
export function describeCli(networkOf: () => TestNetwork): void {
  describe('CLI', () => {
    let network: TestNetwork;
    let caFile: string;

    beforeAll(() => {
      network = networkOf();
      caFile = join(network.dataDir, 'cli-ca.pem');
      writeFileSync(caFile, network.ca!);
    });

    function cli(code: string, role: 'officer' | 'reviewer', ...args: string[]): Promise<CliRun> {
      const main = join(repoRoot(), 'dist/apps/cli/src/main.js');
      const argv = [main, '--node', network.node(code).url, '--token', network.nodeTokens.get(code)![role], ...args];
      const env = { ...process.env, NODE_EXTRA_CA_CERTS: caFile };
      return promisify(execFile)(process.execPath, argv, { env }).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (error: { code: number; stdout: string; stderr: string }) => ({
          code: error.code,
          stdout: error.stdout,
          stderr: error.stderr,
        }),
      );
    }

    it('requests a notice, finds it in the hub review queue, and is refused with exit 1 outside its role', async () => {
      const request = await cli(
        'MR',
        'officer',
        'notice',
        'request',
        '--type',
        'red',
        '--family-name',
        'DOE',
        '--offence',
        'fraud',
        '--expiry',
        '2099-12-31',
      );
      expect(request).toMatchObject({ code: 0, stderr: '' });
      const { id } = JSON.parse(request.stdout) as { id: string };

      await waitFor(
        async () => {
          const queue = await cli(HUB_CODE, 'reviewer', 'review', 'list');
          return (
            queue.code === 0 &&
            (JSON.parse(queue.stdout) as Array<{ requester: string }>).some((r) => r.requester === 'MR')
          );
        },
        { timeoutMs: 30_000, what: `notice request ${id} in the hub's review queue` },
      );

      const refused = await cli(HUB_CODE, 'officer', 'review', 'list');
      expect(refused).toMatchObject({ code: 1, stderr: 'refused: HTTP 403\n' });
      expect(JSON.parse(refused.stdout)).toMatchObject({ code: expect.any(String) });
    });

    it('names a wrong command line with exit 2, without calling the node', async () => {
      const wrong = await cli('MR', 'officer', 'notice', 'cancel', 'A-1/2026');
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toContain("required option '--reason <text>' not specified");
    });
  });
}
