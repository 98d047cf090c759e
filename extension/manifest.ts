// The extension's manifest (Manifest V3), written by build.ts. The narrowest permissions: storage,
// content scripts on the two webmails only, and host access to makegood requested at run time for
// the one origin the user enters (optional_host_permissions), never up front.

/** Where the content script runs: Gmail and Outlook on the web. */
export const webmailMatches = [
  'https://mail.google.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.live.com/*',
];

/**
 * The manifest. `testOrigin` (test builds only, e.g. http://127.0.0.1) adds that origin to the
 * content script's matches — where the test serves its copies of the compose windows — and
 * grants it up front, because a headless test cannot click Chrome's permission prompt.
 */
export function manifest(version: string, testOrigin?: string): Record<string, unknown> {
  const test = testOrigin ? [`${testOrigin.replace(/\/+$/, '')}/*`] : [];
  return {
    manifest_version: 3,
    name: 'makegood guard',
    version,
    description: 'Checks client emails in Gmail and Outlook on the web against your makegood before they go.',
    minimum_chrome_version: '105',
    permissions: ['storage'],
    optional_host_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
    ...(test.length > 0 && { host_permissions: test }),
    background: { service_worker: 'background.js' },
    content_scripts: [
      { matches: [...webmailMatches, ...test], js: ['content.js'], run_at: 'document_idle', all_frames: false },
    ],
    options_ui: { page: 'options.html', open_in_tab: true },
    action: { default_title: 'makegood guard' },
  };
}
