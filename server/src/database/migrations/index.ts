import { CreateFederations1795702800000 } from './1795702800000-create-federations';
import { CreateUsers1795702900000 } from './1795702900000-create-users';
import { CreateDocumentsAndEvents1795703000000 } from './1795703000000-create-documents-and-events';
import { CreateDocumentUpdates1795703100000 } from './1795703100000-create-document-updates';
import { CreateVersions1795703200000 } from './1795703200000-create-versions';
import { CreateComments1795703210000 } from './1795703210000-create-comments';
import { CreateRounds1795703300000 } from './1795703300000-create-rounds';
import { CreateDecisions1795703400000 } from './1795703400000-create-decisions';
import { CreateNotificationsAndOutbox1795703410000 } from './1795703410000-create-notifications-and-outbox';
import { CreateAuthSessions1795705000000 } from './1795705000000-create-auth-sessions';
import { CreateLoginAttempts1795705500000 } from './1795705500000-create-login-attempts';
import { CreateIlis1795706000000 } from './1795706000000-create-ilis';
import { CreateInfos1795707000000 } from './1795707000000-create-infos';
import { CreateInfoDigests1795707100000 } from './1795707100000-create-info-digests';
import { CommentsOnInfos1795707200000 } from './1795707200000-comments-on-infos';
import { CreateRepresentation1795708000000 } from './1795708000000-create-representation';
import { CreateHomeVisitsAndFederationReminders1795710000000 } from './1795710000000-create-home-visits-and-federation-reminders';
import { CreatePublications1795712000000 } from './1795712000000-create-publications';
import { CreateConsultations1795713000000 } from './1795713000000-create-consultations';
import { PositionEvidence1795713100000 } from './1795713100000-position-evidence';
import { CreateSuggestions1795714000000 } from './1795714000000-create-suggestions';
import { CreateDispatchAnswerFiles1795715000000 } from './1795715000000-create-dispatch-answer-files';
import { EventsSequence1795716000000 } from './1795716000000-events-sequence';
import { UsersLastSignIn1795720000000 } from './1795720000000-users-last-sign-in';
import { DocumentArchiving1795740000000 } from './1795740000000-document-archiving';
import { SuggestionsVersionText1795750000000 } from './1795750000000-suggestions-version-text';
import { RoundsSeq1795760000000 } from './1795760000000-rounds-seq';
import { CommentsOnSuggestions1795810000000 } from './1795810000000-comments-on-suggestions';
import { ReservationAmendments1795820000000 } from './1795820000000-reservation-amendments';
import { SuggestionsParagraphFormat1795830000000 } from './1795830000000-suggestions-paragraph-format';
import { SuggestionsSequence1795840000000 } from './1795840000000-suggestions-sequence';

// Explicit, ordered list (rather than a glob) so jest and the compiled server load the same set.
export const MIGRATIONS = [
  CreateFederations1795702800000,
  CreateUsers1795702900000,
  CreateDocumentsAndEvents1795703000000,
  CreateDocumentUpdates1795703100000,
  CreateVersions1795703200000,
  CreateComments1795703210000,
  CreateRounds1795703300000,
  CreateDecisions1795703400000,
  CreateNotificationsAndOutbox1795703410000,
  CreateAuthSessions1795705000000,
  CreateLoginAttempts1795705500000,
  CreateIlis1795706000000,
  CreateInfos1795707000000,
  CreateInfoDigests1795707100000,
  CommentsOnInfos1795707200000,
  CreateRepresentation1795708000000,
  CreateHomeVisitsAndFederationReminders1795710000000,
  CreatePublications1795712000000,
  CreateConsultations1795713000000,
  PositionEvidence1795713100000,
  CreateSuggestions1795714000000,
  CreateDispatchAnswerFiles1795715000000,
  EventsSequence1795716000000,
  UsersLastSignIn1795720000000,
  DocumentArchiving1795740000000,
  SuggestionsVersionText1795750000000,
  RoundsSeq1795760000000,
  CommentsOnSuggestions1795810000000,
  ReservationAmendments1795820000000,
  SuggestionsParagraphFormat1795830000000,
  SuggestionsSequence1795840000000,
];
