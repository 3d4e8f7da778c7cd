import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { DomainError } from '@bureaunet/contracts';
import { EVIDENCE_LIMITS } from '@bureaunet/evidence';
import { NODE_CONFIG, type NodeConfig } from '../node.config';
import { EvidenceHttpClient } from './evidence-http.client';
import type { RegistryEvidenceSource } from './evidence-sources';

const PEM_START = '-----BEGIN CERTIFICATE-----';
const statementsSchema = z.object({ statements: z.array(z.string()).max(EVIDENCE_LIMITS.certificates * 4) });
const rulesVersionSchema = z.object({ version: z.number().int(), policies: z.string() });

/** The registry's PKI statements and rule history (NODE_EVIDENCE_REGISTRY_URL and _TOKEN, an auditor's). */
@Injectable()
export class RegistryEvidenceClient implements RegistryEvidenceSource {
  private readonly http: EvidenceHttpClient;

  constructor(@Inject(NODE_CONFIG) config: NodeConfig) {
    this.http = new EvidenceHttpClient(
      'the registry',
      config.evidence?.registryUrl,
      config.evidence?.registryToken,
      'NODE_EVIDENCE_REGISTRY_URL, NODE_EVIDENCE_REGISTRY_TOKEN',
    );
  }

  /** Served as PEM text, or as JSON holding it (a string or {certificate}). */
  async statusCertificate(): Promise<string> {
    const { text } = await this.http.getText('/api/pki/status-certificate', 'certificates.registry');
    const pem = text.trimStart().startsWith(PEM_START) ? text : pemInJson(text);
    if (!pem?.trimStart().startsWith(PEM_START))
      throw wrong('certificates.registry', 'the registry’s status certificate is not a PEM certificate');
    return pem.trimStart();
  }

  async statusStatements(fingerprint: string): Promise<string[]> {
    const path = `/api/pki/status-statements?fingerprint=${encodeURIComponent(fingerprint)}`;
    const answer = statementsSchema.safeParse(await this.http.getJson(path, 'statuses'));
    if (!answer.success) throw wrong('statuses', `the registry's statements about ${fingerprint} are not a list`);
    return answer.data.statements;
  }

  async policyText(version: number): Promise<string> {
    const answer = rulesVersionSchema.safeParse(await this.http.getJson(`/api/rules/versions/${version}`, 'policies'));
    if (!answer.success || answer.data.version !== version)
      throw wrong('policies', `the registry's answer for rules version ${version} holds no policy text of it`);
    return answer.data.policies;
  }
}

function pemInJson(text: string): string | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value === 'string') return value;
    const certificate = (value as { certificate?: unknown } | null)?.certificate;
    return typeof certificate === 'string' ? certificate : undefined;
  } catch {
    return undefined;
  }
}

function wrong(piece: string, message: string): DomainError {
  return new DomainError('evidence-source-unavailable', `${piece}: ${message}`, 'unavailable');
}
