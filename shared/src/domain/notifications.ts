export const NOTIFICATION_KINDS = [
  'round.opened',
  'round.closed',
  'round.reminder',
  'comment.mention',
  'meeting.reported',
  'meeting.action_due',
  'mandate.ending',
  'round.deadline_extended',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** An in-app notification, as `GET /api/notifications` lists it (unread first). */
export interface NotificationDto {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  documentId: string | null;
  roundId: string | null;
  /** Where the UI should take the reader (a path on this origin). */
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

/** A mail kept in the outbox when no SMTP server is configured (`GET /api/admin/outbox`). */
export interface OutboxMailDto {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
}
