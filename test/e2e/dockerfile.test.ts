// The Dockerfile is linted, not built: no container runtime runs where these tests run (docs/container.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerfileParser, JSONInstruction, type Copy, type From, type Instruction } from 'dockerfile-ast';
import { validate, ValidationSeverity } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './run-cli.js';

const TEXT = readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8');
const dockerfile = DockerfileParser.parse(TEXT);
const packageJson = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { files: string[] };

interface Stage {
  from: From;
  instructions: Instruction[];
}

/** The build stages in order: each FROM and the instructions up to the next one. */
function stages(): Stage[] {
  const froms = dockerfile.getFROMs();
  const out: Stage[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    const from = froms.find((f) => f === instruction);
    if (from) out.push({ from, instructions: [] });
    else out.at(-1)?.instructions.push(instruction);
  }
  return out;
}

const all = stages();
const final = all.at(-1);
const keyword = (i: Instruction): string => i.getKeyword();
const argsOf = (i: Instruction): string => i.getRawArgumentsContent() ?? '';
const line = (i: Instruction): string => `Dockerfile:${i.getRange().start.line + 1}`;

describe('Dockerfile (linted with dockerfile-utils and dockerfile-ast)', () => {
  it('has no problem dockerfile-utils reports, with every optional check on', () => {
    const strict = {
      deprecatedMaintainer: ValidationSeverity.ERROR,
      directiveCasing: ValidationSeverity.ERROR,
      emptyContinuationLine: ValidationSeverity.ERROR,
      instructionCasing: ValidationSeverity.ERROR,
      instructionCmdMultiple: ValidationSeverity.ERROR,
      instructionEntrypointMultiple: ValidationSeverity.ERROR,
      instructionHealthcheckMultiple: ValidationSeverity.ERROR,
      instructionJSONInSingleQuotes: ValidationSeverity.ERROR,
      instructionWorkdirRelative: ValidationSeverity.ERROR,
    };
    expect(validate(TEXT, strict).map((d) => `Dockerfile:${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
  });

  it('builds in one stage and runs from a second, both on the current LTS Node pinned to its major (24)', () => {
    expect(all.length).toBe(2);
    for (const { from } of all) {
      expect(from.getRegistry()).toBeNull();
      expect(from.getImageName()).toBe('node');
      expect(from.getImageTag(), line(from)).toMatch(/^24-(alpine|slim)$/);
    }
    expect(all[0]?.from.getBuildStage()).toBe('build');
  });

  it('copies into the final stage only the packed package from the build stage', () => {
    const copies = final?.instructions.filter((i) => keyword(i) === 'COPY') ?? [];
    expect(copies.map((c) => `${(c as Copy).getFromFlag()?.getValue() ?? ''} ${argsOf(c)}`)).toEqual(['build /out/package /opt/auth0-scan']);
    expect(dockerfile.getInstructions().filter((i) => keyword(i) === 'ADD')).toEqual([]);
  });

  it('installs no dev dependency into what the final stage runs', () => {
    const build = all[0]?.instructions.filter((i) => keyword(i) === 'RUN').map(argsOf).join('\n') ?? '';
    // What /out/package gets: production dependencies only.
    expect(build).toMatch(/cd \/out\/package \\\n\s*&& npm ci --omit=dev --ignore-scripts/);
    for (const run of final?.instructions.filter((i) => keyword(i) === 'RUN') ?? []) {
      expect(argsOf(run), line(run)).not.toMatch(/(^|&&|\|\||;)\s*(npm|npx|yarn|pnpm)\s/);
    }
  });

  it('runs as a non-root user, by number, in the final stage', () => {
    const users = final?.instructions.filter((i) => keyword(i) === 'USER') ?? [];
    expect(users.length).toBe(1);
    const [uid = '', gid = ''] = argsOf(users[0] as Instruction).split(':');
    expect(uid).toMatch(/^[1-9]\d*$/);
    expect(gid).toMatch(/^[1-9]\d*$/);
    const afterUser = final?.instructions.slice((final?.instructions.indexOf(users[0] as Instruction) ?? 0) + 1).map(keyword);
    expect(afterUser).not.toContain('RUN');
  });

  it('starts the CLI through an exec-form ENTRYPOINT ["auth0-scan"], the name the package links', () => {
    const entrypoints = final?.instructions.filter((i) => keyword(i) === 'ENTRYPOINT') ?? [];
    expect(entrypoints.length).toBe(1);
    const entrypoint = entrypoints[0];
    expect(entrypoint).toBeInstanceOf(JSONInstruction);
    expect((entrypoint as JSONInstruction).getJSONStrings().map((s) => s.getJSONValue())).toEqual(['auth0-scan']);
    expect(TEXT).toContain('ln -s /opt/auth0-scan/bin/auth0-scan.js /usr/local/bin/auth0-scan');
  });

  it('works on a read-only root filesystem: the working directory is a mount point the user owns', () => {
    const workdirs = final?.instructions.filter((i) => keyword(i) === 'WORKDIR').map(argsOf);
    expect(workdirs).toEqual(['/data']);
    expect(TEXT).toMatch(/mkdir \/data \\\n\s*&& chown 1000:1000 \/data/);
  });
});

describe('.dockerignore', () => {
  const lines = readFileSync(join(REPO_ROOT, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));

  it('ignores everything but a list of names, so no node_modules, dist, report or local secret reaches the build', () => {
    expect(lines[0]).toBe('*');
    for (const l of lines.slice(1)) expect(l).toMatch(/^![A-Za-z0-9._-]+$/);
  });

  it('lets in what the build needs and everything package.json "files" ships', () => {
    const allowed = new Set(lines.slice(1).map((l) => l.slice(1)));
    // dist/ is not among them: the build stage makes it.
    const shipped = packageJson.files.filter((f) => !f.startsWith('!')).map((f) => f.replace(/\/.*$/, '')).filter((f) => f !== 'dist');
    const needed = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'src', ...shipped];
    expect(needed.filter((n) => !allowed.has(n))).toEqual([]);
  });
});
