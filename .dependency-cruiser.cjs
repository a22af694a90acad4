// Folder rules for `npm run lint` (dependency-cruiser). The layers are described in
// docs/architecture.md.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-module-cycles',
      severity: 'error',
      comment: 'A module never imports itself through others (type-only imports vanish at run time).',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'], viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'db-below-server',
      severity: 'error',
      comment: 'The schema and migrations know nothing of the app (the demo seed may drive the app).',
      from: { path: '^db/', pathNot: '^db/seed/' },
      to: { path: '^server/' },
    },
    {
      name: 'shared-parts-import-no-capability',
      severity: 'error',
      comment: 'questionnaire/, http/, ui/, i18n/, time/ and csv/ are used by every capability and import none (types aside).',
      from: { path: '^server/(questionnaire|http|ui|i18n|time|csv)/' },
      to: {
        path: '^server/',
        pathNot: ['^server/(questionnaire|http|ui|i18n|time|csv)/', '^server/(deps|clock|log|config)\\.ts$'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'client-uses-shared-view-only',
      severity: 'error',
      comment: 'The browser bundle imports only the respondent view folder shared with the server.',
      from: { path: '^client/' },
      to: { path: '^server/', pathNot: '^server/respond/view/' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|client/dist|tests/\\.tmp)' },
  },
};
