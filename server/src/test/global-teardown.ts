import { removePgliteTemplate } from './pglite-template';

export default async function globalTeardown(): Promise<void> {
  await removePgliteTemplate();
}
