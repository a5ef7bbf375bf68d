import type { Role } from '@coupole/shared';
import { randomBytes } from 'node:crypto';
import { DEMO_PASSWORD } from '../seed/demo-users.seed';
import { registeredApiRoutes } from '../test/registered-routes';
import { startTestApp, TestApp } from '../test/test-app';
import { AuthService } from './auth.service';

type Caller = 'anonymous' | Role;
const CALLERS: Caller[] = ['anonymous', 'admin', 'facilitator', 'representative', 'observer'];
const CALLER_EMAILS: Record<Role, string> = {
  admin: 'admin@demo.coupole.be',
  facilitator: 'secretariat@demo.coupole.be',
  representative: 'aleap@demo.coupole.be',
  observer: 'observateur@demo.coupole.be',
};

interface Context {
  ids: Record<Role, string>;
  /** A document the observer is not invited to, with version 1 and one comment. */
  documentId: string;
  commentId: string;
  /** Another such document, under an open round where ALEAP objects. */
  roundDocumentId: string;
  roundId: string;
  objectionId: string;
  /** A members-only info shared by the representative (ALEAP): the observer does not see it. */
  infoId: string;
}

interface RouteAccess {
  /** Who gets past authentication and authorisation. */
  allowed: 'public' | 'authenticated' | Role[];
  path?: (context: Context) => string;
  body?: (context: Context) => object;
  /** What an allowed caller receives with this request (a 400 still proves the guards let it in). */
  status: number;
  /** Per-caller answers decided by the service rather than the guards (e.g. 404 for a document not shared). */
  statusFor?: Partial<Record<Caller, number>>;
  /** The route ends the caller's session: it is called with a session opened for it. */
  endsSession?: boolean;
}

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/** A route on one document: the observer is not invited to it, so it does not exist for them. */
function onDocument(access: Omit<RouteAccess, 'statusFor'>): RouteAccess {
  return { ...access, statusFor: { observer: 404 } };
}

/** A route on a members-only info: it does not exist for the observer. */
function onInfo(access: Omit<RouteAccess, 'statusFor'>): RouteAccess {
  return { ...access, statusFor: { observer: 404 } };
}

/**
 * Every route the server exposes, and who may call it. A new route must get a row here:
 * the first test fails otherwise.
 */
const ROUTES: Record<string, RouteAccess> = {
  'GET /api/health': { allowed: 'public', status: 200 },
  'GET /api/docs': { allowed: 'public', status: 200 },
  'GET /api/docs/': { allowed: 'public', status: 200 },
  'GET /api/docs/index.html': { allowed: 'public', status: 200 },
  'GET /api/docs/swagger-ui-init.js': { allowed: 'public', status: 200 },
  'GET /api/docs/docs/swagger-ui-init.js': { allowed: 'public', status: 200 },
  // Registered by @nestjs/swagger; swagger-ui-dist does not ship the file it points to.
  'GET /api/docs/LICENSE': { allowed: 'public', status: 404 },
  'GET /api/docs-json': { allowed: 'public', status: 200 },
  'GET /api/docs-yaml': { allowed: 'public', status: 200 },
  'POST /api/auth/login': {
    allowed: 'public',
    body: () => ({ email: 'risome@demo.coupole.be', password: 'coupole-demo' }),
    status: 200,
  },
  'POST /api/auth/logout': { allowed: 'public', status: 204, endsSession: true },
  'POST /api/auth/logout-everywhere': { allowed: 'authenticated', status: 204, endsSession: true },
  'POST /api/auth/refresh': { allowed: 'authenticated', status: 200 },
  'GET /api/auth/me': { allowed: 'authenticated', status: 200 },
  'POST /api/auth/password': {
    allowed: 'authenticated',
    body: () => ({ currentPassword: 'coupole-demo', newPassword: 'coupole-demo' }),
    status: 400,
  },
  'GET /api/federations': { allowed: 'authenticated', status: 200 },
  'GET /api/home': { allowed: 'authenticated', status: 200 },
  'GET /api/users': { allowed: ['admin'], status: 200 },
  'POST /api/users': {
    allowed: ['admin'],
    body: () => ({ email: `acces-${randomBytes(4).toString('hex')}@example.be`, displayName: 'Accès Test', role: 'observer' }),
    status: 201,
  },
  'GET /api/documents': { allowed: 'authenticated', status: 200 },
  'POST /api/documents': {
    allowed: ['admin', 'facilitator', 'representative'],
    body: () => ({ title: 'Note de la table des accès', kind: 'analyse' }),
    status: 201,
  },
  // No file attached: the guards and the create permission let the caller in, then 400.
  'POST /api/documents/import': {
    allowed: ['admin', 'facilitator', 'representative'],
    body: () => ({ kind: 'analyse' }),
    status: 400,
  },
  'GET /api/documents/:id': onDocument({
    allowed: 'authenticated',
    path: ({ documentId }) => `/api/documents/${documentId}`,
    status: 200,
  }),
  'PATCH /api/documents/:id': onDocument({
    allowed: ['admin', 'facilitator'],
    path: ({ documentId }) => `/api/documents/${documentId}`,
    body: () => ({ title: 'Table des accès' }),
    status: 200,
  }),
  'GET /api/documents/:id/timeline': onDocument({
    allowed: 'authenticated',
    path: ({ documentId }) => `/api/documents/${documentId}/timeline`,
    status: 200,
  }),
  'GET /api/documents/:id/versions': onDocument({
    allowed: 'authenticated',
    path: ({ documentId }) => `/api/documents/${documentId}/versions`,
    status: 200,
  }),
  // Freezing and restoring are drafting: whoever may edit the text (DESIGN §1 and §5, README *Versions*).
  'POST /api/documents/:id/versions': onDocument({
    allowed: ['admin', 'facilitator', 'representative'],
    path: ({ documentId }) => `/api/documents/${documentId}/versions`,
    body: () => ({}),
    status: 201,
  }),
  'GET /api/documents/:id/versions/:number': onDocument({
    allowed: 'authenticated',
    path: ({ documentId }) => `/api/documents/${documentId}/versions/1`,
    status: 200,
  }),
  'POST /api/documents/:id/versions/:number/restore': onDocument({
    allowed: ['admin', 'facilitator', 'representative'],
    path: ({ documentId }) => `/api/documents/${documentId}/versions/1/restore`,
    status: 200,
  }),
  'GET /api/documents/:id/diff': onDocument({
    allowed: 'authenticated',
    path: ({ documentId }) => `/api/documents/${documentId}/diff?from=1`,
    status: 200,
  }),
  'GET /api/documents/:id/comments': onDocument({
    allowed: 'authenticated',
    path: ({ documentId }) => `/api/documents/${documentId}/comments`,
    status: 200,
  }),
  // Names (never e-mails) of who may read the document, for @ in comments: whoever reads it.
  'GET /api/documents/:id/mentionable': onDocument({
    allowed: 'authenticated',
    path: ({ documentId }) => `/api/documents/${documentId}/mentionable`,
    status: 200,
  }),
  'GET /api/documents/:id/suggestions': onDocument({
    allowed: 'authenticated',
    path: ({ documentId }) => `/api/documents/${documentId}/suggestions`,
    status: 200,
  }),
  // An empty body: the validation pipe answers before the service, for every signed-in caller.
  'POST /api/documents/:id/suggestions': { allowed: 'authenticated', path: ({ documentId }) => `/api/documents/${documentId}/suggestions`, body: () => ({}), status: 400 },
  // An unknown suggestion, so that no caller decides a real one: past the guards, 404 from the service.
  'POST /api/suggestions/:id/accept': { allowed: 'authenticated', path: () => `/api/suggestions/${UNKNOWN}/accept`, status: 404 },
  'POST /api/suggestions/:id/reject': { allowed: 'authenticated', path: () => `/api/suggestions/${UNKNOWN}/reject`, status: 404 },
  'DELETE /api/suggestions/:id': { allowed: 'authenticated', path: () => `/api/suggestions/${UNKNOWN}`, status: 404 },
  // A suggestion's thread: an unknown suggestion, past the guards, 404 from the service.
  'GET /api/suggestions/:id/comments': { allowed: 'authenticated', path: () => `/api/suggestions/${UNKNOWN}/comments`, status: 404 },
  'POST /api/suggestions/:id/comments': {
    allowed: 'authenticated',
    path: () => `/api/suggestions/${UNKNOWN}/comments`,
    body: () => ({ body: 'Vu.' }),
    status: 404,
  },
  'POST /api/documents/:id/comments': onDocument({
    allowed: 'authenticated',
    path: ({ documentId }) => `/api/documents/${documentId}/comments`,
    body: () => ({ body: 'Vu.' }),
    status: 201,
  }),
  'POST /api/comments/:id/replies': onDocument({
    allowed: 'authenticated',
    path: ({ commentId }) => `/api/comments/${commentId}/replies`,
    body: () => ({ body: 'D’accord.' }),
    status: 201,
  }),
  'PATCH /api/comments/:id': onDocument({
    allowed: 'authenticated',
    path: ({ commentId }) => `/api/comments/${commentId}`,
    body: () => ({ resolved: true }),
    status: 200,
  }),
  'GET /api/documents/:id/export': onDocument({
    allowed: 'authenticated',
    path: ({ documentId }) => `/api/documents/${documentId}/export?format=md`,
    status: 200,
  }),
  'GET /api/documents/:id/rounds': onDocument({
    allowed: 'authenticated',
    path: ({ roundDocumentId }) => `/api/documents/${roundDocumentId}/rounds`,
    status: 200,
  }),
  // An empty body: past the guards, the validation pipe answers 400.
  'POST /api/documents/:id/rounds': {
    allowed: ['admin', 'facilitator'],
    path: ({ roundDocumentId }) => `/api/documents/${roundDocumentId}/rounds`,
    body: () => ({}),
    status: 400,
  },
  'GET /api/rounds/:id': onDocument({
    allowed: 'authenticated',
    path: ({ roundId }) => `/api/rounds/${roundId}`,
    status: 200,
  }),
  // Whoever may read the round's document gets its version with the amendments as tracked changes.
  'GET /api/rounds/:id/export': onDocument({
    allowed: 'authenticated',
    path: ({ roundId }) => `/api/rounds/${roundId}/export?format=docx`,
    status: 200,
  }),
  'PUT /api/rounds/:id/position': {
    allowed: ['representative'],
    path: ({ roundId }) => `/api/rounds/${roundId}/position`,
    body: () => ({ stance: 'agree', vote: 1 }),
    status: 400,
  },
  'POST /api/rounds/:id/close': {
    allowed: ['admin', 'facilitator'],
    path: ({ roundId }) => `/api/rounds/${roundId}/close`,
    body: () => ({ statement: 5 }),
    status: 400,
  },
  // An unknown round, so that no caller really cancels the one the other rows use.
  'POST /api/rounds/:id/cancel': {
    allowed: ['admin', 'facilitator'],
    path: () => '/api/rounds/00000000-0000-4000-8000-000000000000/cancel',
    status: 404,
  },
  // Unknown rounds again: the guards let the secretariat in, nothing is reminded or moved.
  'POST /api/rounds/:id/deadline': {
    allowed: ['admin', 'facilitator'],
    path: () => '/api/rounds/00000000-0000-4000-8000-000000000000/deadline',
    body: () => ({ closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString() }),
    status: 404,
  },
  'POST /api/rounds/:id/reminders': {
    allowed: ['admin', 'facilitator'],
    path: () => '/api/rounds/00000000-0000-4000-8000-000000000000/reminders',
    body: () => ({ federation: 'aleap' }),
    status: 404,
  },
  // ALEAP's objection stands while its round is open: the representative gets past the guards, then 409.
  'POST /api/rounds/:id/objections/:objectionId/withdraw': {
    allowed: ['representative'],
    path: ({ roundId, objectionId }) => `/api/rounds/${roundId}/objections/${objectionId}/withdraw`,
    status: 409,
  },
  // The document is under a round, not in drafting: 409 for whoever may edit it.
  'POST /api/objections/:id/apply-amendment': onDocument({
    allowed: 'authenticated',
    path: ({ objectionId }) => `/api/objections/${objectionId}/apply-amendment`,
    status: 409,
  }),
  // An unknown reservation: past the guards, 404 from the service for every signed-in caller.
  'POST /api/reservations/:id/apply-amendment': { allowed: 'authenticated', path: () => `/api/reservations/${UNKNOWN}/apply-amendment`, status: 404 },
  // Names of the observers one may invite: not for observers themselves.
  'GET /api/users/observers': { allowed: ['admin', 'facilitator', 'representative'], status: 200 },
  'PATCH /api/users/:id': {
    allowed: ['admin'],
    path: ({ ids }) => `/api/users/${ids.observer}`,
    body: () => ({ displayName: 'Thomas Leclercq' }),
    status: 200,
  },
  // An unknown account: resetting a real one would sign it out of the next rows.
  'POST /api/users/:id/password-reset': { allowed: ['admin'], path: () => `/api/users/${UNKNOWN}/password-reset`, status: 404 },
  'GET /api/decisions': { allowed: 'authenticated', status: 200 },
  // Declared before ':seq' in the controller, so "verify" is never read as a seq.
  'GET /api/decisions/verify': { allowed: 'authenticated', status: 200 },
  'GET /api/decisions/head': { allowed: 'public', status: 200 },
  // Observers get the same 404 for a decision on a document they are not invited to.
  'GET /api/decisions/:seq': { allowed: 'authenticated', path: () => '/api/decisions/999999', status: 404 },
  'GET /api/notifications': { allowed: 'authenticated', status: 200 },
  'POST /api/notifications/read-all': { allowed: 'authenticated', status: 200 },
  // Someone else's or unknown: 404 either way.
  'POST /api/notifications/:id/read': {
    allowed: 'authenticated',
    path: () => '/api/notifications/00000000-0000-4000-8000-000000000000/read',
    status: 404,
  },
  'GET /api/admin/outbox': { allowed: ['admin'], status: 200 },
  // The ILI directory (DESIGN §7): the secretariat and representatives; observers nothing.
  'GET /api/ilis': { allowed: ['admin', 'facilitator', 'representative'], status: 200 },
  'GET /api/ilis/landscape': { allowed: ['admin', 'facilitator', 'representative'], status: 200 },
  'GET /api/ilis/export': { allowed: ['admin', 'facilitator', 'representative'], path: () => '/api/ilis/export?format=csv', status: 200 },
  'POST /api/ilis/import': { allowed: ['admin', 'facilitator', 'representative'], body: () => ({}), status: 400 },
  'POST /api/ilis': { allowed: ['admin', 'facilitator', 'representative'], body: () => ({}), status: 400 },
  'GET /api/ilis/:id': { allowed: ['admin', 'facilitator', 'representative'], path: () => `/api/ilis/${UNKNOWN}`, status: 404 },
  'PATCH /api/ilis/:id': { allowed: ['admin', 'facilitator', 'representative'], path: () => `/api/ilis/${UNKNOWN}`, body: () => ({}), status: 404 },
  'GET /api/consultations': { allowed: ['admin', 'facilitator', 'representative'], status: 200 },
  'POST /api/consultations': { allowed: ['admin', 'facilitator', 'representative'], body: () => ({}), status: 400 },
  'POST /api/consultations/scope-count': { allowed: ['admin', 'facilitator', 'representative'], body: () => ({}), status: 400 },
  'GET /api/consultations/:id': { allowed: ['admin', 'facilitator', 'representative'], path: () => `/api/consultations/${UNKNOWN}`, status: 404 },
  'PATCH /api/consultations/:id': { allowed: ['admin', 'facilitator', 'representative'], path: () => `/api/consultations/${UNKNOWN}`, body: () => ({}), status: 404 },
  'POST /api/consultations/:id/launch': { allowed: ['admin', 'facilitator', 'representative'], path: () => `/api/consultations/${UNKNOWN}/launch`, status: 404 },
  'POST /api/consultations/:id/close': { allowed: ['admin', 'facilitator', 'representative'], path: () => `/api/consultations/${UNKNOWN}/close`, status: 404 },
  'POST /api/consultations/:id/share': { allowed: ['admin', 'facilitator', 'representative'], path: () => `/api/consultations/${UNKNOWN}/share`, status: 404 },
  'GET /api/consultations/:id/invitations': { allowed: ['admin', 'facilitator', 'representative'], path: () => `/api/consultations/${UNKNOWN}/invitations`, status: 404 },
  'POST /api/consultations/:id/invitations/:iliId/revoke': {
    allowed: ['admin', 'facilitator', 'representative'],
    path: () => `/api/consultations/${UNKNOWN}/invitations/${UNKNOWN}/revoke`,
    status: 404,
  },
  'GET /api/consultations/:id/results': { allowed: ['admin', 'facilitator', 'representative'], path: () => `/api/consultations/${UNKNOWN}/results`, status: 404 },
  'GET /api/consultations/:id/results/export': { allowed: ['admin', 'facilitator', 'representative'], path: () => `/api/consultations/${UNKNOWN}/results/export`, status: 404 },
  'GET /api/series/:slug': { allowed: ['admin', 'facilitator', 'representative'], path: () => '/api/series/inconnue', status: 404 },
  'GET /api/answer/:token': { allowed: 'public', path: () => '/api/answer/AAAAAAAAAAAAAAAAAAAAAA', status: 404 },
  'PUT /api/answer/:token': { allowed: 'public', path: () => '/api/answer/AAAAAAAAAAAAAAAAAAAAAA', body: () => ({ answers: [] }), status: 404 },
  // Representation (DESIGN §9): the secretariat edits bodies, mandates and dispatches; members read.
  'GET /api/bodies': { allowed: ['admin', 'facilitator', 'representative'], status: 200 },
  'POST /api/bodies': { allowed: ['admin', 'facilitator'], body: () => ({}), status: 400 },
  'PATCH /api/bodies/:id': { allowed: ['admin', 'facilitator'], path: () => `/api/bodies/${UNKNOWN}`, body: () => ({}), status: 404 },
  'DELETE /api/bodies/:id': { allowed: ['admin', 'facilitator'], path: () => `/api/bodies/${UNKNOWN}`, status: 404 },
  'GET /api/mandates': { allowed: ['admin', 'facilitator', 'representative'], status: 200 },
  'GET /api/mandates/:id': { allowed: ['admin', 'facilitator', 'representative'], path: () => `/api/mandates/${UNKNOWN}`, status: 404 },
  'POST /api/mandates': { allowed: ['admin', 'facilitator'], body: () => ({}), status: 400 },
  'PATCH /api/mandates/:id': { allowed: ['admin', 'facilitator'], path: () => `/api/mandates/${UNKNOWN}`, body: () => ({}), status: 404 },
  'GET /api/meetings': { allowed: 'authenticated', status: 200 },
  'GET /api/meetings/people': { allowed: ['admin', 'facilitator', 'representative'], status: 200 },
  'POST /api/meetings': { allowed: ['admin', 'facilitator', 'representative'], body: () => ({}), status: 400 },
  // Unknown, or not attended by an observer: 404 either way.
  'GET /api/meetings/:id': { allowed: 'authenticated', path: () => `/api/meetings/${UNKNOWN}`, status: 404 },
  'PATCH /api/meetings/:id': { allowed: 'authenticated', path: () => `/api/meetings/${UNKNOWN}`, body: () => ({}), status: 404 },
  'GET /api/documents/:id/meetings': onDocument({ allowed: 'authenticated', path: ({ documentId }) => `/api/documents/${documentId}/meetings`, status: 200 }),
  'POST /api/meetings/:id/actions': { allowed: ['admin', 'facilitator', 'representative'], path: () => `/api/meetings/${UNKNOWN}/actions`, body: () => ({}), status: 400 },
  'GET /api/actions/mine': { allowed: 'authenticated', status: 200 },
  'PATCH /api/actions/:id': { allowed: 'authenticated', path: () => `/api/actions/${UNKNOWN}`, body: () => ({}), status: 404 },
  'GET /api/calendar': { allowed: 'authenticated', status: 200 },
  'POST /api/calendar/token': { allowed: 'authenticated', status: 200 },
  'DELETE /api/calendar/token': { allowed: 'authenticated', status: 200 },
  'GET /api/calendar/:token.ics': { allowed: 'public', path: () => '/api/calendar/0123456789abcdef0123456789abcdef.ics', status: 404 },
  'GET /api/dispatches': { allowed: ['admin', 'facilitator', 'representative'], status: 200 },
  'GET /api/documents/:id/dispatches': {
    allowed: ['admin', 'facilitator', 'representative'],
    path: ({ documentId }) => `/api/documents/${documentId}/dispatches`,
    status: 200,
  },
  // Not adopted: 409 for the secretariat.
  'POST /api/documents/:id/dispatches': {
    allowed: ['admin', 'facilitator'],
    path: ({ documentId }) => `/api/documents/${documentId}/dispatches`,
    body: () => ({ recipient: 'Cabinet' }),
    status: 409,
  },
  'PATCH /api/dispatches/:id': { allowed: ['admin', 'facilitator'], path: () => `/api/dispatches/${UNKNOWN}`, body: () => ({}), status: 404 },
  'POST /api/dispatches/:id/answer-file': { allowed: ['admin', 'facilitator'], path: () => `/api/dispatches/${UNKNOWN}/answer-file`, status: 404 },
  'GET /api/dispatches/:id/answer-file': { allowed: ['admin', 'facilitator', 'representative'], path: () => `/api/dispatches/${UNKNOWN}/answer-file`, status: 404 },
  'DELETE /api/dispatches/:id/answer-file': { allowed: ['admin', 'facilitator'], path: () => `/api/dispatches/${UNKNOWN}/answer-file`, status: 404 },
  'GET /api/infos': { allowed: 'authenticated', status: 200 },
  'GET /api/infos/:id/comments': onInfo({ allowed: 'authenticated', path: ({ infoId }) => `/api/infos/${infoId}/comments`, status: 200 }),
  'POST /api/infos/:id/comments': onInfo({
    allowed: 'authenticated',
    path: ({ infoId }) => `/api/infos/${infoId}/comments`,
    body: () => ({ body: 'Vu.' }),
    status: 201,
  }),
  'GET /api/me/digest': { allowed: 'authenticated', status: 200 },
  'PUT /api/me/digest': { allowed: 'authenticated', body: () => ({ frequency: 'weekly' }), status: 200 },
  'POST /api/infos': {
    allowed: ['admin', 'facilitator', 'representative'],
    body: () => ({ title: 'Info de la table des accès', body: 'Texte.', topics: ['sociale'] }),
    status: 201,
  },
  'GET /api/infos/:id': onInfo({ allowed: 'authenticated', path: ({ infoId }) => `/api/infos/${infoId}`, status: 200 }),
  // The representative is the author; the secretariat edits anyone's.
  'PATCH /api/infos/:id': onInfo({
    allowed: ['admin', 'facilitator', 'representative'],
    path: ({ infoId }) => `/api/infos/${infoId}`,
    body: () => ({ toDiscuss: true }),
    status: 200,
  }),
  // An unknown info, so that no caller really deletes the one the other rows use.
  'DELETE /api/infos/:id': { allowed: 'authenticated', path: () => `/api/infos/${UNKNOWN}`, status: 404 },
  // No file: past the guards and the edit permission, then 400.
  'POST /api/infos/:id/attachment': onInfo({
    allowed: ['admin', 'facilitator', 'representative'],
    path: ({ infoId }) => `/api/infos/${infoId}/attachment`,
    status: 400,
  }),
  // Nothing attached: 404 for every reader.
  'GET /api/infos/:id/attachment': { allowed: 'authenticated', path: ({ infoId }) => `/api/infos/${infoId}/attachment`, status: 404 },
  'DELETE /api/infos/:id/attachment': onInfo({
    allowed: ['admin', 'facilitator', 'representative'],
    path: ({ infoId }) => `/api/infos/${infoId}/attachment`,
    status: 200,
  }),
  'POST /api/infos/:id/note': onInfo({
    allowed: ['admin', 'facilitator', 'representative'],
    path: ({ infoId }) => `/api/infos/${infoId}/note`,
    body: () => ({}),
    status: 201,
  }),
  'GET /api/documents/:id/publication': onDocument({
    allowed: 'authenticated',
    path: ({ documentId }) => `/api/documents/${documentId}/publication`,
    status: 200,
  }),
  // The roles guard answers before the document is looked up; the draft is not adopted: 409.
  'POST /api/documents/:id/publish': {
    allowed: ['admin', 'facilitator'],
    path: ({ documentId }) => `/api/documents/${documentId}/publish`,
    status: 409,
  },
  'POST /api/documents/:id/unpublish': {
    allowed: ['admin', 'facilitator'],
    path: ({ documentId }) => `/api/documents/${documentId}/unpublish`,
    status: 409,
  },
  'GET /api/public/positions': { allowed: 'public', status: 200 },
  'GET /api/public/positions/:slug': { allowed: 'public', path: () => '/api/public/positions/inconnue-00000000', status: 404 },
  'GET /api/public/positions/:slug/pdf': { allowed: 'public', path: () => '/api/public/positions/inconnue-00000000/pdf', status: 404 },
  'GET /api/public/infos': { allowed: 'public', status: 200 },
  // Members-only: it does not exist on the public site.
  'GET /api/public/infos/:id/attachment': { allowed: 'public', path: ({ infoId }) => `/api/public/infos/${infoId}/attachment`, status: 404 },
  'GET /api/public/feed.atom': { allowed: 'public', status: 200 },
};

function isAllowed(access: RouteAccess, caller: Caller): boolean {
  if (access.allowed === 'public') return true;
  if (caller === 'anonymous') return false;
  return access.allowed === 'authenticated' || access.allowed.includes(caller);
}

describe('route authorisation (integration)', () => {
  let sut: TestApp;
  const tokens = {} as Record<Role, string>;
  const context: Context = { ids: {} as Record<Role, string>, documentId: '', commentId: '', roundDocumentId: '', roundId: '', objectionId: '', infoId: '' };

  beforeAll(async () => {
    sut = await startTestApp();
    for (const [role, email] of Object.entries(CALLER_EMAILS) as [Role, string][]) {
      const { accessToken, user } = await sut.login(email);
      tokens[role] = accessToken;
      context.ids[role] = user.id;
    }
    const asFacilitator = { Authorization: `Bearer ${tokens.facilitator}` };
    const document = await sut.http().post('/api/documents').set(asFacilitator).send({ title: 'Table des accès', kind: 'note_technique', markdown: 'Texte.\n' });
    context.documentId = document.body.id;
    await sut.http().post(`/api/documents/${context.documentId}/versions`).set(asFacilitator).send({});
    const comment = await sut.http().post(`/api/documents/${context.documentId}/comments`).set(asFacilitator).send({ body: 'À voir.' });
    context.commentId = comment.body.id;
    const roundDocument = await sut.http().post('/api/documents').set(asFacilitator).send({ title: 'Tour des accès', kind: 'note_technique', markdown: 'Texte.\n' });
    context.roundDocumentId = roundDocument.body.id;
    const version = await sut.http().post(`/api/documents/${context.roundDocumentId}/versions`).set(asFacilitator).send({});
    const round = await sut.http().post(`/api/documents/${context.roundDocumentId}/rounds`).set(asFacilitator)
      .send({ version: version.body.number, question: 'Accès ?', closesAt: new Date(Date.now() + 24 * 3600 * 1000).toISOString() });
    context.roundId = round.body.id;
    const paragraph = round.body.paragraphs[0].id as string;
    await sut.http().put(`/api/rounds/${context.roundId}/position`).set('Authorization', `Bearer ${tokens.representative}`)
      .send({ stance: 'object', reason: 'Non.', paragraphs: [paragraph], amendment: 'Autre texte.' });
    const detail = await sut.http().get(`/api/rounds/${context.roundId}`).set(asFacilitator);
    context.objectionId = detail.body.objections[0].id;
    const info = await sut.http().post('/api/infos').set('Authorization', `Bearer ${tokens.representative}`)
      .send({ title: 'Info des accès', body: 'Texte.', topics: ['juridique'] });
    context.infoId = info.body.id;
  });

  afterAll(() => sut?.close());

  /** Signed in through the service: the login route's per-address throttle is not under test. */
  async function freshSession(role: Role): Promise<string> {
    return (await sut.app.get(AuthService).login(CALLER_EMAILS[role], DEMO_PASSWORD)).accessToken;
  }

  it('has a row for every registered route, and no row for a route that does not exist', () => {
    expect(registeredApiRoutes(sut.app)).toEqual(Object.keys(ROUTES).sort());
  });

  const cases = Object.entries(ROUTES).flatMap(([route, access]) => CALLERS.map((caller) => [route, caller, access] as const));

  it.each(cases)('%s as %s', async (route, caller, access) => {
    const [method, pattern] = route.split(' ');
    let test = sut.http()[method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete'](access.path?.(context) ?? pattern);
    if (caller !== 'anonymous') {
      const token = access.endsSession ? await freshSession(caller) : tokens[caller];
      test = test.set('Authorization', `Bearer ${token}`);
    }
    const response = await (access.body ? test.send(access.body(context)) : test);
    // "Everywhere" ended the caller's other sessions too: the next rows need a live one.
    if (access.endsSession && caller !== 'anonymous') tokens[caller] = await freshSession(caller);

    const expected = access.statusFor?.[caller] ?? (isAllowed(access, caller) ? access.status : caller === 'anonymous' ? 401 : 403);
    expect({ route, caller, status: response.status }).toEqual({ route, caller, status: expected });
  });
});
