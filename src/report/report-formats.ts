/**
 * The names `--format` accepts. Kept apart from the renderers so the CLI can list them without loading chalk,
 * cli-table3 and every reporter at startup.
 */
export const REPORT_FORMATS = ['table', 'json', 'sarif', 'markdown', 'junit', 'csv', 'html', 'fix-plan'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
