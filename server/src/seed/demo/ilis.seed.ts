import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SeedStep } from '../seed-step';
import { demoIlis } from '../../ilis/demo-ilis';
import { IlisService } from '../../ilis/ilis.service';

/** The 219 fictional ILI of the demo, once (an existing directory is left alone). */
@Injectable()
export class DemoIlisSeed implements SeedStep {
  readonly name = 'demo ILI directory';

  constructor(private readonly ilis: IlisService) {}

  async run(manager: EntityManager): Promise<void> {
    await this.ilis.seedIfEmpty(manager, demoIlis());
  }
}
