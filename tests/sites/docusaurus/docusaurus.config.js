// A minimal Docusaurus 3 site that embeds <create-backup-form> exactly as README.md's
// "In Docusaurus" section says: dist/ copied into static/widgets/create-backup/, its stylesheet
// and module listed in `stylesheets` and `scripts` with the baseUrl in front, and the tags in MDX.
// tests/e2e/docusaurus.test.mjs builds it twice: at '/' and with DOCS_BASE_URL=/docs-site/.

const baseUrl = process.env.DOCS_BASE_URL ?? '/';

export default {
  title: 'Create Backup widget in Docusaurus',
  url: 'http://127.0.0.1',
  baseUrl,
  favicon: 'img/favicon.svg',
  onBrokenLinks: 'throw',
  presets: [
    [
      'classic',
      {
        docs: { routeBasePath: '/' },
        blog: false,
        pages: false,
      },
    ],
  ],
  // Files of static/ are served under the baseUrl, but these two lists are not prefixed with it.
  stylesheets: [`${baseUrl}widgets/create-backup/backup-form.css`],
  scripts: [{ src: `${baseUrl}widgets/create-backup/backup-form.js`, type: 'module' }],
};
