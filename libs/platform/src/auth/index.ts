export * from './acting-role';
export * from './bearer-token';
export * from './public.decorator';
export * from './role';
export * from './role-tokens';
export * from './role.guard';
export * from './role-guard.providers';
export * from './roles.decorator';
