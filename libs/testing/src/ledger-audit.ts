import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GATEWAY_CODE } from '@bureaunet/contracts';
import type { LocalNetwork } from './local-network';
import { repoRoot } from './repo-root';

export interface AuditRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `audit verify` of the whole ledger, as an auditor runs it: the built auditor CLI, given the
 * gateway's certificate out of band (from the registry's directory), checking every entry, the
 * tree head's signature and the root it recomputes — trusting nothing the gateway says about itself.
 */
export async function auditWholeLedger(
  network: Pick<LocalNetwork, 'registry' | 'gateway' | 'gatewayTokens'>,
): Promise<AuditRun> {
  const workDir = mkdtempSync(join(tmpdir(), 'bureaunet-audit-'));
  try {
    const answer = await fetch(`${network.registry.url}/api/directory/${GATEWAY_CODE}`);
    if (!answer.ok) throw new Error(`directory entry of the gateway: HTTP ${answer.status}`);
    const { signingCertificate } = (await answer.json()) as { signingCertificate: string };
    const keyFile = join(workDir, 'gateway.pem');
    writeFileSync(keyFile, signingCertificate);
    const script = join(repoRoot(), 'dist', 'apps', 'auditor', 'src', 'main.js');
    const args = [
      'verify',
      '--gateway',
      network.gateway.url,
      '--key',
      keyFile,
      `--token=${network.gatewayTokens.auditor}`,
      '--state',
      join(workDir, 'state', 'gateway.json'),
    ];
    return await new Promise<AuditRun>((resolve, reject) => {
      const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.once('error', reject);
      child.once('close', (status) => resolve({ status, stdout, stderr }));
    });
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
