export * from './role';
export * from './role-tokens';
export * from './role.guard';
export * from './roles.decorator';
