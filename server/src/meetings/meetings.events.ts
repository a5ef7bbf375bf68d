/** A `mandate` meeting's *retour de mandat* was published: every federation is told, once. */
export interface MeetingReportedEvent {
  meetingId: string;
  title: string;
  bodyName: string | null;
  start: string;
  reporterId: string;
  reporterName: string;
  reporterFederation: string | null;
  excerpt: string;
}

/** An open follow-up action is due tomorrow: its assignee is reminded, once. */
export interface MeetingActionDueEvent {
  actionId: string;
  meetingId: string;
  meetingTitle: string;
  title: string;
  due: string;
  assigneeId: string;
}
