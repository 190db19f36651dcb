/** The formats of `auth0-scan access --format` (kept apart from the renderers so `--help` loads none of them). */
export const ACCESS_FORMATS = ['table', 'json', 'markdown', 'html', 'mermaid', 'dot'] as const;
export type AccessFormat = (typeof ACCESS_FORMATS)[number];
