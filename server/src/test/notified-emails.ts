import type { DataSource } from 'typeorm';
import { eventually } from './eventually';

/**
 * The e-mails of the users notified of `kind`, in order; `about` narrows to the notifications
 * of one link, one document or a title matching a LIKE pattern.
 */
export async function notifiedEmails(
  dataSource: DataSource,
  kind: string,
  about: { link?: string; documentId?: string; titleLike?: string } = {},
): Promise<string[]> {
  const conditions = ['n."kind" = $1'];
  const parameters: string[] = [kind];
  const narrow = (column: string, operator: string, value: string | undefined) => {
    if (value === undefined) return;
    parameters.push(value);
    conditions.push(`n."${column}" ${operator} $${parameters.length}`);
  };
  narrow('link', '=', about.link);
  narrow('document_id', '=', about.documentId);
  narrow('title', 'LIKE', about.titleLike);
  const rows = (await dataSource.query(
    `SELECT u."email" FROM "notifications" n JOIN "users" u ON u."id" = n."user_id" WHERE ${conditions.join(' AND ')} ORDER BY u."email"`,
    parameters,
  )) as { email: string }[];
  return rows.map((row) => row.email);
}

/** notifiedEmails once there is at least one (a notification is kept after its cause commits). */
export function awaitNotifiedEmails(dataSource: DataSource, kind: string, about: { titleLike: string }): Promise<string[]> {
  return eventually(async () => {
    const emails = await notifiedEmails(dataSource, kind, about);
    if (emails.length === 0) throw new Error(`no ${kind} notification yet`);
    return emails;
  });
}
