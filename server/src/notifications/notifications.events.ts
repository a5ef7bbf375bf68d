/** A notification was stored for one person. */
export interface NotificationCreated {
  id: string;
  userId: string;
  documentId: string | null;
  roundId: string | null;
  title: string;
  body: string;
  createdAt: Date;
}

export interface NotificationEvents {
  'notification.created': NotificationCreated;
}
