/**
 * Import rules, checked by `npm run lint` (dependency-cruiser). See README, "Architecture".
 *
 * Server: `server/src/<folder>/` are layered. A folder in LAYERS may import only folders of the
 * layers BELOW its own (never one of its own layer, never one above, never an unlisted folder).
 * A folder not listed (a new domain module) sits above every listed layer: it may import any
 * of them and other unlisted folders, without a config change, as long as no cycle appears.
 * `seed` and `test` sit on top. Two exceptions, by kind of file rather than by folder:
 * - `<domain>.events.ts` files (domain-event payloads, plain data) may be imported from anywhere,
 *   so a listener names the payload it receives; they import nothing of the server.
 * - `auth/decorators/` (route metadata: CurrentUser, Roles, Public) may be used by any controller.
 * - `<domain>/dto/*-response.dto.ts` (OpenAPI schema classes, no logic) may be reused by any
 *   module's answer schema (e.g. a decision's record shows the round's tally).
 */
const LAYERS = [
  ['common', 'config', 'domain-events', 'presence'],
  ['database', 'realtime'],
  ['users'],
  ['auth'],
  ['federations', 'mail', 'health'],
  ['events'],
  ['document-body'],
  ['documents'],
  ['infos'],
  ['collab', 'comments'],
  ['versions', 'suggestions'],
  ['decisions'],
  ['exports', 'rounds'],
  ['notifications'],
  ['live'],
];
const TOP = ['seed', 'test'];

const SRC = '^server/src/';
const SPECS = '\\.(int-)?spec\\.ts$';
const SHARED_BY_KIND = `${SRC}[^/]+/[^/]+\\.events\\.ts$|${SRC}auth/decorators/|${SRC}[^/]+/dto/[^/]+-response\\.dto\\.ts$`;
const folders = (names) => `${SRC}(${names.join('|')})/`;

// `$1` is the importing folder (captured by `from.path`): a folder may import its own files.
// An entity may name a higher layer's entity in a relation with a type-only import (erased at
// build; the relation itself names its target by string): see event.entity.ts, user.entity.ts.
const ENTITY = '\\.entity\\.ts$';
const layerRules = LAYERS.flatMap((layer, index) => {
  const below = LAYERS.slice(0, index).flat();
  const rule = {
    name: `layer-${index}-${layer.join('-')}`,
    comment: `${layer.join(', ')} may import only the layers below: ${below.join(', ') || 'none'}.`,
    severity: 'error',
    from: { path: folders(layer), pathNot: [SPECS, ENTITY] },
    to: { path: `${SRC}[^/]+/`, pathNot: [...(below.length ? [folders(below)] : []), `${SRC}$1/`, SHARED_BY_KIND] },
  };
  const entities = { ...rule, name: `${rule.name}-entities`, from: { path: `${folders(layer)}.*${ENTITY}` }, to: { ...rule.to, dependencyTypesNot: ['type-only'] } };
  return [rule, entities];
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycle (type-only imports, erased at build, aside).',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    ...layerRules,
    {
      name: 'new-modules-below-top',
      comment: 'A module folder never imports seed/ or test/ (they sit on top).',
      severity: 'error',
      from: { path: `${SRC}(?!(${TOP.join('|')})/)[^/]+/`, pathNot: SPECS },
      to: { path: folders(TOP) },
    },
    {
      name: 'events-files-are-plain-data',
      comment: 'A <domain>.events.ts declares payloads: it imports @coupole/shared only.',
      severity: 'error',
      from: { path: `${SRC}[^/]+/[^/]+\\.events\\.ts$` },
      to: { path: SRC },
    },
    {
      name: 'client-features-are-independent',
      comment: 'A client feature never imports another feature: shared UI goes in components/, infrastructure (API, live socket, session) in lib/.',
      severity: 'error',
      from: { path: '^client/src/features/([^/]+)/' },
      to: { path: '^client/src/features/', pathNot: '^client/src/features/$1/' },
    },
    {
      name: 'client-lib-is-infrastructure',
      comment: 'client/src/lib/ sits below everything else of the client: it imports no feature, component or app file.',
      severity: 'error',
      from: { path: '^client/src/lib/' },
      to: { path: '^client/src/(features|components|app)/' },
    },
    {
      name: 'client-components-are-shared-ui',
      comment: 'client/src/components/ is UI shared by features: it imports lib/ only, never a feature or the app.',
      severity: 'error',
      from: { path: '^client/src/components/' },
      to: { path: '^client/src/(features|app)/' },
    },
    {
      name: 'shared-is-pure',
      comment: 'shared/ is pure TypeScript used by server and client: no framework.',
      severity: 'error',
      from: { path: '^shared/src/' },
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-peer', 'npm-optional', 'npm-no-pkg', 'npm-unknown'],
        path: 'node_modules/(@nestjs|react|react-dom|@tanstack|typeorm|class-validator|class-transformer|socket\\.io|express|vite|pg|@electric-sql)(/|$)',
      },
    },
    {
      name: 'shared-stays-in-shared',
      comment: 'shared/ never imports the server or the client.',
      severity: 'error',
      from: { path: '^shared/src/' },
      to: { path: '^(server|client)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
