import type { EntityManager } from 'typeorm';

/**
 * One part of the demo data. Steps run in order, each in its own transaction, and must be
 * idempotent (upsert by a natural key): later modules add documents, rounds, … as new steps.
 */
export interface SeedStep {
  readonly name: string;
  run(manager: EntityManager): Promise<void>;
}

export const SEED_STEPS = Symbol('SEED_STEPS');
