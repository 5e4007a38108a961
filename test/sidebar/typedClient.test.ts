/**
 * The pages' google.script.run is typed from the server's entry points
 * (sidebar/scriptRun.d.ts, `typeof import('../src/index')`) and the answers
 * from src/shared/answers.ts: a page that calls a function the server does not
 * export, reads a field an answer does not have, or expects one function's
 * answer from another does not compile. Small pages written here (in memory,
 * inside sidebar/) are compiled with the sidebar's own tsconfig in one
 * program; a correct one must compile clean, so the test can fail both ways.
 */
import * as path from 'node:path';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..');
const PROBES = path.join(ROOT, 'sidebar', '__typedClient__');

const PAGES: Record<string, string> = {
  'correct.ts': `
    import type { Answer, RequestsFound } from '../../src/shared/answers';
    google.script.run
      .withSuccessHandler((answer: Answer<RequestsFound>) => {
        if (answer.ok) console.log(answer.matches.length, answer.more, answer.today);
        else console.log(answer.errors.map((e) => e.message));
      })
      .withFailureHandler((error) => console.log(error))
      .findRequests('0042');
    google.script.run.withSuccessHandler(() => undefined).recordSubmission('R-2026-0001', {});
    google.script.run.previewPayments('csv text');
  `,
  'wrongFunction.ts': `
    google.script.run.withSuccessHandler(() => undefined).findRequest('0042');
  `,
  'wrongField.ts': `
    import type { Answer, RequestsFound } from '../../src/shared/answers';
    google.script.run
      .withSuccessHandler((answer: Answer<RequestsFound>) => {
        if (answer.ok) console.log(answer.matchez);
      })
      .findRequests('0042');
  `,
  'wrongAnswer.ts': `
    import type { Answer, RequestsFound } from '../../src/shared/answers';
    google.script.run.withSuccessHandler((answer: Answer<RequestsFound>) => console.log(answer)).closeSeason({});
  `,
  'wrongArguments.ts': `
    google.script.run.recordOutcome('R-2026-0001');
  `,
};

function compile(): Map<string, ts.Diagnostic[]> {
  const configPath = path.join(ROOT, 'sidebar', 'tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, path.dirname(configPath));
  const files = new Map(Object.entries(PAGES).map(([name, text]) => [path.join(PROBES, name), text]));
  const host = ts.createCompilerHost(parsed.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, onError, shouldCreate) => {
    const text = files.get(path.resolve(fileName));
    return text === undefined
      ? getSourceFile(fileName, language, onError, shouldCreate)
      : ts.createSourceFile(fileName, text, language, true);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => files.has(path.resolve(fileName)) || fileExists(fileName);
  const readFile = host.readFile.bind(host);
  host.readFile = (fileName) => files.get(path.resolve(fileName)) ?? readFile(fileName);
  const scriptRun = path.join(ROOT, 'sidebar', 'scriptRun.d.ts');
  const program = ts.createProgram([scriptRun, ...files.keys()], parsed.options, host);
  const byPage = new Map<string, ts.Diagnostic[]>();
  for (const [name] of Object.entries(PAGES)) {
    const source = program.getSourceFile(path.join(PROBES, name));
    if (source === undefined) throw new Error(`${name} was not compiled`);
    byPage.set(name, [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]);
  }
  byPage.set('scriptRun.d.ts', [...program.getSemanticDiagnostics(program.getSourceFile(scriptRun))]);
  return byPage;
}

function said(diagnostics: readonly ts.Diagnostic[]): string[] {
  return diagnostics.map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

describe("the pages' google.script.run, typed from the server", () => {
  let byPage: Map<string, ts.Diagnostic[]>;
  beforeAll(() => {
    byPage = compile();
  }, 60_000);

  it('compiles a page that calls real server functions and reads their answers as they are', () => {
    expect(said(byPage.get('correct.ts') ?? [])).toEqual([]);
    expect(said(byPage.get('scriptRun.d.ts') ?? [])).toEqual([]);
  });

  it('refuses a server function the server does not export', () => {
    const errors = byPage.get('wrongFunction.ts') ?? [];
    // TS2551 is TS2339 with a suggestion: the name the server does export.
    expect(said(errors)).toEqual([
      expect.stringMatching(/^TS2551: Property 'findRequest' does not exist .* Did you mean 'findRequests'\?/),
    ]);
  });

  it('refuses a field the answer does not have', () => {
    const errors = byPage.get('wrongField.ts') ?? [];
    expect(said(errors)).toEqual([
      expect.stringMatching(/^TS2551: Property 'matchez' does not exist .* Did you mean 'matches'\?/),
    ]);
  });

  it("refuses a handler that expects another function's answer", () => {
    const errors = byPage.get('wrongAnswer.ts') ?? [];
    expect(said(errors)).toEqual([expect.stringMatching(/^TS2339: Property 'closeSeason' does not exist/)]);
  });

  it('refuses a call with too few arguments', () => {
    const errors = byPage.get('wrongArguments.ts') ?? [];
    expect(said(errors)).toEqual([expect.stringMatching(/^TS2554: Expected 2 arguments, but got 1/)]);
  });
});

describe('src/shared/answers.ts', () => {
  it('compiles with neither Apps Script nor the DOM in sight, so both sides can hold it', () => {
    const options: ts.CompilerOptions = {
      target: ts.ScriptTarget.ES2020,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2020.d.ts'],
      types: [],
      strict: true,
      noEmit: true,
      skipLibCheck: true,
    };
    const program = ts.createProgram([path.join(ROOT, 'src', 'shared', 'answers.ts')], options);
    expect(said(ts.getPreEmitDiagnostics(program))).toEqual([]);
    const outside = program
      .getSourceFiles()
      .map((f) => path.relative(ROOT, f.fileName))
      .filter((f) => !f.startsWith('node_modules') && !/^src[\\/](shared|domain)[\\/]/.test(f));
    expect(outside).toEqual([]);
  });
});
