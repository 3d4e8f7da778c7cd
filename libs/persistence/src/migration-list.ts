import type { MigrationInterface } from 'typeorm';

/** A migration class as TypeORM wants it: its name ends in the 13-digit time it was written. */
export type MigrationClass = new () => MigrationInterface;
