import { CreateFederations1795702800000 } from './1795702800000-create-federations';
import { CreateUsers1795702900000 } from './1795702900000-create-users';

// Explicit, ordered list (rather than a glob) so jest and the compiled server load the same set.
export const MIGRATIONS = [CreateFederations1795702800000, CreateUsers1795702900000];
