/** The subset of SARIF 2.1.0 that auth0-scan writes (names as in the OASIS spec). */
export type SarifLevel = 'error' | 'warning' | 'note';

export interface SarifMessage {
  text: string;
  markdown?: string;
}

export interface SarifRule {
  id: string;
  name: string;
  shortDescription: SarifMessage;
  fullDescription: SarifMessage;
  help: { text: string; markdown: string };
  defaultConfiguration: { level: SarifLevel };
  properties: { 'security-severity': string; tags: string[]; precision: 'high' | 'medium' };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: SarifMessage;
  locations: {
    physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
    logicalLocations: { name: string; fullyQualifiedName: string; kind: 'resource' }[];
  }[];
  partialFingerprints: { primaryLocationLineHash: string };
  /** An accepted finding (a suppression entry): still reported, marked so that SARIF consumers can tell it apart. */
  suppressions?: { kind: 'external'; justification: string }[];
  baselineState?: 'new' | 'unchanged';
  properties: Record<string, unknown>;
}

export interface SarifNotification {
  level: SarifLevel;
  message: SarifMessage;
  associatedRule?: { id: string; index?: number };
  properties?: Record<string, unknown>;
}

export interface SarifRun {
  tool: { driver: { name: 'auth0-scan'; version: string; informationUri: string; rules: SarifRule[] } };
  automationDetails: { id: string };
  invocations: {
    /** False when rules were skipped because data is missing: their absent results say nothing. */
    executionSuccessful: boolean;
    startTimeUtc?: string;
    endTimeUtc?: string;
    toolExecutionNotifications: SarifNotification[];
  }[];
  results: SarifResult[];
  /** The run's property bag: the posture score (`auth0-scan/score`, see render-sarif.ts). */
  properties?: Record<string, unknown>;
}

export interface SarifLog {
  $schema: 'https://json.schemastore.org/sarif-2.1.0.json';
  version: '2.1.0';
  runs: [SarifRun];
}
