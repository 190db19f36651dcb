import { SCORE_AREAS } from '../../model/posture-score.js';
import type { RuleDoc, ScanReport, TenantFailure } from '../../model/report.js';
import { SCORE_AREA_LABELS } from '../../score/score-text.js';
import { tenantHeading } from '../multi-tenant-labels.js';
import type { TenantSeries } from '../tenant-series.js';
import { historyModel } from './history-model.js';
import { HTML_MODEL_FORMAT, type HtmlDocument } from './html-model.js';
import { htmlText } from './html-text.js';
import { ruleModels } from './rule-models.js';
import { tenantModel } from './tenant-model.js';

export interface HtmlTenantInput {
  /** The report shown for the tenant: the latest of its series when there is one. */
  report: ScanReport;
  /** Every report of the tenant, oldest first (`auth0-scan report` with several of them): trend and changes. */
  series?: TenantSeries;
}

export interface HtmlDocumentInput {
  tenants: readonly HtmlTenantInput[];
  failed: readonly TenantFailure[];
  rules: ReadonlyMap<string, RuleDoc>;
  toolVersion: string;
}

/** Everything the page embeds, from the reports and the rules' documentation. Pure. */
export function htmlDocumentModel(input: HtmlDocumentInput): HtmlDocument {
  const rules = ruleModels(
    input.tenants.map((t) => t.report),
    input.rules,
  );
  return {
    format: HTML_MODEL_FORMAT,
    tool: { version: htmlText(input.toolVersion, 'name') },
    tenants: input.tenants.map(({ report, series }) => {
      const history = series ? historyModel(series) : undefined;
      return { ...tenantModel(report, rules), ...(history ? { history } : {}) };
    }),
    failed: input.failed.map((f) => ({ tenant: htmlText(tenantHeading(f.tenant), 'name'), code: htmlText(f.code, 'name'), message: htmlText(f.message) })),
    rules: [...rules.values()],
    areas: [...SCORE_AREAS.map((id) => ({ id, label: SCORE_AREA_LABELS[id] })), { id: 'other', label: 'Other' }],
  };
}
