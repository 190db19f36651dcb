import { patternMatches, type CapabilityModel } from '../access/capability-model-schema.js';

/**
 * docs/capabilities.md, generated from the capability model: the capabilities, then every scope the model names
 * with each capability it gives and why, then the harmless scopes. Pure; `npm run docs` writes it and a test fails
 * when it is stale.
 */
export function renderCapabilityDocs(model: CapabilityModel): string {
  const named = new Set([...model.capabilities.flatMap((c) => Object.keys(c.scopes)), ...Object.keys(model.harmless)]);
  const classified = [...named].filter((s) => !(s in model.harmless)).sort();
  const harmless = Object.keys(model.harmless).sort();
  const patterns = model.capabilities.flatMap((c) => c.patterns.map((p) => ({ capability: c.id, ...p })));
  const lines = [
    '# Capability model',
    '',
    `Generated from \`access/capabilities.yaml\` by \`npm run docs\`; do not edit by hand. How to read and extend it: [access-model.md](access-model.md#capability-model).`,
    '',
    '| capability | takeover | scopes | meaning |',
    '|---|---|---|---|',
    ...model.capabilities.map((c) => `| \`${c.id}\` (${cell(c.title)}) | ${c.takeover ? 'yes' : ''} | ${scopeCount(model, c.id, classified)} | ${cell(c.description)} |`),
    '',
  ];
  if (patterns.length > 0) {
    lines.push('## Patterns', '', 'A pattern also covers scopes this page does not list, including ones Auth0 adds later.', '', '| pattern | capability | why |', '|---|---|---|');
    for (const p of patterns) lines.push(`| \`${p.match}\` | \`${p.capability}\` | ${cell(p.reason)} |`);
    lines.push('');
  }
  lines.push('## Scopes', '', `${classified.length} scopes give at least one capability.`, '', '| scope | capability | why |', '|---|---|---|');
  for (const scope of classified) {
    for (const c of model.capabilities) {
      const own = c.scopes[scope];
      const pattern = c.patterns.find((p) => patternMatches(p.match, scope));
      if (own !== undefined) lines.push(`| \`${scope}\` | \`${c.id}\` | ${cell(own)} |`);
      else if (pattern) lines.push(`| \`${scope}\` | \`${c.id}\` | ${cell(pattern.reason)} (pattern \`${pattern.match}\`) |`);
    }
  }
  lines.push('', '## Harmless scopes', '', `${harmless.length} scopes give none of the capabilities.`, '', '| scope | why |', '|---|---|');
  for (const scope of harmless) lines.push(`| \`${scope}\` | ${cell(model.harmless[scope] ?? '')} |`);
  lines.push('');
  return lines.join('\n');
}

function scopeCount(model: CapabilityModel, id: string, scopes: readonly string[]): string {
  const c = model.capabilities.find((x) => x.id === id);
  if (!c) return '0';
  const n = scopes.filter((s) => s in c.scopes || c.patterns.some((p) => patternMatches(p.match, s))).length;
  return c.patterns.length > 0 ? `${n} + ${c.patterns.map((p) => `\`${p.match}\``).join(', ')}` : String(n);
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
