/** The people of DESIGN.md "Who uses it", as the APIs know them. */
export const ROLES = ['admin', 'auditor', 'officer', 'border-officer', 'coordinator', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
