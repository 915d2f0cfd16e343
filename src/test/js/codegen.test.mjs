// GraphQL Code Generator's client preset, configured as the README's codegen.yml, over the repository's
// schema.graphql with the README cookbook's queries as documents; the generated code and a typed use of it must
// compile under tsc --strict.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const cookbook = JSON.parse(readFileSync(process.env.QOEGRAPH_COOKBOOK, 'utf8')).filter((e) => !e.expectedCode);

test(`the client preset types the ${cookbook.length} cookbook queries and tsc --strict compiles them`, () => {
  const project = mkdtempSync(join(tmpdir(), 'qoegraph-codegen-'));
  symlinkSync(join(here, 'node_modules'), join(project, 'node_modules'));
  copyFileSync(join(process.env.QOEGRAPH_README_DIR, 'codegen.yml'), join(project, 'codegen.yml'));
  copyFileSync(process.env.QOEGRAPH_SCHEMA, join(project, 'schema.graphql'));
  mkdirSync(join(project, 'src'));
  const names = cookbook.map((_, i) => `Cookbook${i + 1}`);
  const documents = cookbook.map((e, i) => `// ${e.title}\nexport const ${names[i]} = graphql(\`${
    e.query.replace(/^\s*\{/, `query ${names[i]} {`)}\`);`);
  writeFileSync(join(project, 'src', 'cookbook.ts'), `import { graphql } from './gql';\n\n${documents.join('\n\n')}\n`);
  const viewers = names[cookbook.findIndex((e) => e.query.includes('byStream: sessions(orderBy: [{count: DESC}])'))];
  assert.ok(viewers, 'the cookbook has the viewers-by-stream query');
  // What a front end writes with the generated types: each root field may be null, a Long is a number or a string of
  // digits, an ID a string, and variables are typed too.
  writeFileSync(join(project, 'src', 'usage.ts'), `
import type { ResultOf, VariablesOf } from '@graphql-typed-document-node/core';
import { graphql } from './gql';
import { ${viewers} } from './cookbook';

type Viewers = ResultOf<typeof ${viewers}>;
export const failedPanel: Viewers['byStream'] = null;
export function viewersOf(data: Viewers, stream: number): number | undefined {
  const row = data.byStream?.find((r) => r.stream === stream);
  return row?.count == null ? undefined : Number(row.count);
}

export const Flow = graphql(\`query Flow($id: ID!) { traffic(where: {flowId: {eq: $id}}) { flowId count } }\`);
export const flowVariables: VariablesOf<typeof Flow> = { id: '9223324764212750187' };
export function flowIds(data: ResultOf<typeof Flow>): string[] {
  return (data.traffic ?? []).flatMap((r) => (r.flowId == null ? [] : [r.flowId]));
}
`);
  const run = (args) => execFileSync(process.execPath, args, { cwd: project, encoding: 'utf8', stdio: 'pipe' });
  run([join('node_modules', '@graphql-codegen', 'cli', 'esm', 'bin.js'), '--config', 'codegen.yml']);
  const generated = readFileSync(join(project, 'src', 'gql', 'graphql.ts'), 'utf8');
  for (const name of names) assert.match(generated, new RegExp(`export type ${name}Query = `), `${name}Query`);
  try {
    run([join('node_modules', 'typescript', 'bin', 'tsc'), '--strict', '--noEmit', '--skipLibCheck', '--target', 'es2022',
      '--module', 'esnext', '--moduleResolution', 'bundler', 'src/cookbook.ts', 'src/usage.ts']);
  } catch (e) {
    assert.fail(`tsc --strict failed:\n${e.stdout}${e.stderr}`);
  }
});
