import type { MultiTenantReporter } from '../model/report.js';
import type { ReportFormat } from './report-formats.js';
import { renderMultiTenantCsv } from './render-multi-csv.js';
import { renderMultiTenantFixPlan } from './render-multi-fix-plan.js';
import { renderMultiTenantHtml } from './render-multi-html.js';
import { renderMultiTenantJson } from './render-multi-json.js';
import { renderMultiTenantJunit } from './render-multi-junit.js';
import { renderMultiTenantMarkdown } from './render-multi-markdown.js';
import { renderMultiTenantSarif } from './render-multi-sarif.js';
import { renderMultiTenantTable } from './render-multi-table.js';

/** The same formats as REPORTERS, for the document of a multi-tenant scan. */
export const MULTI_TENANT_REPORTERS: Readonly<Record<ReportFormat, MultiTenantReporter>> = {
  table: renderMultiTenantTable,
  json: renderMultiTenantJson,
  sarif: renderMultiTenantSarif,
  markdown: renderMultiTenantMarkdown,
  junit: renderMultiTenantJunit,
  csv: renderMultiTenantCsv,
  html: renderMultiTenantHtml,
  'fix-plan': renderMultiTenantFixPlan,
};
