import { createPgliteTemplate } from './pglite-template';

export default async function globalSetup(): Promise<void> {
  if (!process.env.DATABASE_URL) await createPgliteTemplate();
}
