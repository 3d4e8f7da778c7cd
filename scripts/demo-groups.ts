import { HUB_CODE } from '@bureaunet/contracts';
import { type LocalNetwork, httpCall } from '@bureaunet/testing';

/** Regions and Schengen membership of the bureaus a demo may start (ISO codes; others join no group). */
const DEMO_GROUPS = [
  { id: 'europe', name: 'Europe', kind: 'region', countries: ['DK', 'FR', 'DE', 'IT', 'ES', 'NL', 'BE', 'SE', 'GB'] },
  { id: 'africa', name: 'Africa', kind: 'region', countries: ['MR', 'SN', 'ML', 'NE', 'MA', 'DZ', 'NG', 'KE'] },
  { id: 'americas', name: 'Americas', kind: 'region', countries: ['US', 'CA', 'BR', 'AR', 'MX', 'CO', 'CL'] },
  {
    id: 'schengen',
    name: 'Schengen area',
    kind: 'schengen',
    countries: ['DK', 'FR', 'DE', 'IT', 'ES', 'NL', 'BE', 'SE', 'NO', 'CH'],
  },
] as const;

/**
 * The country groups `npm start` seeds from its bureaus (a region or Schengen with at least one of
 * them), so `group:europe` works in `to` at once. A group kept from an earlier start is left as it is.
 */
export async function seedDemoGroups(network: LocalNetwork, codes: readonly string[]): Promise<string[]> {
  const bureaus = codes.filter((code) => code !== HUB_CODE);
  const seeded: string[] = [];
  for (const group of DEMO_GROUPS) {
    const members = group.countries.filter((code) => bureaus.includes(code));
    if (members.length === 0) continue;
    const response = await httpCall(
      `${network.registry.url}/api/rules/groups`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${network.adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ id: group.id, name: group.name, kind: group.kind, members }),
      },
      network.ca,
    );
    if (response.ok) seeded.push(`group:${group.id} (${members.join(', ')})`);
    else if (response.status !== 409)
      throw new Error(`the registry refused group ${group.id}: ${response.status} ${response.text}`);
  }
  return seeded;
}
