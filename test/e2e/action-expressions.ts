/** What a `${{ … }}` expression can read in the simulated run: nested plain objects of strings. */
export interface ExpressionContexts {
  inputs: Readonly<Record<string, string>>;
  github: Readonly<Record<string, string>>;
  runner: Readonly<Record<string, string>>;
  steps: Readonly<Record<string, { outputs: Readonly<Record<string, string>> }>>;
}

const EXPRESSION = /\$\{\{\s*(.*?)\s*\}\}/g;
/** A context and property names, e.g. `inputs.client-id` or `steps.scan.outputs.result`: the only form supported. */
const PROPERTY_PATH = /^(inputs|github|runner|steps)((?:\.[A-Za-z_][A-Za-z0-9_-]*)+)$/;

/**
 * Replaces each `${{ context.path }}` in `text` the way the runner does for a property dereference. Anything else
 * (operators, functions, literals, an unknown name) throws, so the action cannot start using an expression this
 * simulation would get wrong without the test failing. A missing step output is '' as in GitHub.
 */
export function evaluateExpressions(text: string, contexts: ExpressionContexts): string {
  return text.replace(EXPRESSION, (_whole, expression: string) => {
    const match = PROPERTY_PATH.exec(expression);
    if (!match) throw new Error(`unsupported expression in action.yml: \${{ ${expression} }}`);
    const [, context = '', rest = ''] = match;
    const names = rest.slice(1).split('.');
    if (context === 'steps') return stepOutput(contexts, names, expression);
    const table = contexts[context as 'inputs' | 'github' | 'runner'];
    const [name = '', ...extra] = names;
    const value = table[name];
    if (extra.length > 0 || value === undefined) throw new Error(`unknown name in action.yml: \${{ ${expression} }}`);
    return value;
  });
}

function stepOutput(contexts: ExpressionContexts, names: readonly string[], expression: string): string {
  const [id = '', outputs, name = '', ...extra] = names;
  if (outputs !== 'outputs' || extra.length > 0) throw new Error(`unsupported step property in action.yml: \${{ ${expression} }}`);
  return contexts.steps[id]?.outputs[name] ?? '';
}

/** True when `text` holds an expression: run scripts must take inputs from `env:` instead. */
export function hasExpression(text: string): boolean {
  return /\$\{\{/.test(text);
}
