import assert from 'node:assert/strict';
import { buildExcludeRules } from '../../../src/extension/schemaLint/workspaceExcludes';

const none = () => false;

/** VS Code's defaults for files.exclude and search.exclude. */
const FILES_EXCLUDE = { '**/.git': true, '**/.svn': true, '**/.hg': true, '**/.DS_Store': true, '**/Thumbs.db': true };
const SEARCH_EXCLUDE = { '**/node_modules': true, '**/bower_components': true, '**/*.code-search': true };

describe('schema lint in the editor: workspace excludes', () => {
  it('excludes what files.exclude and search.exclude name, folders with everything below them', () => {
    const rules = buildExcludeRules([FILES_EXCLUDE, SEARCH_EXCLUDE], []);
    assert.equal(rules.isExcluded('node_modules/zod/package.json', none), true);
    assert.equal(rules.isExcluded('packages/app/node_modules/x/index.js', none), true);
    assert.equal(rules.isExcluded('.git/config.json', none), true);
    assert.equal(rules.isExcluded('src/tools.ts', none), false);
    assert.equal(rules.isExcluded('node_modules_notes/tools.json', none), false, 'a glob names a whole segment');
    assert.equal(rules.isExcluded('.github/workflows/ci.yml', none), false, 'dot folders are linted unless excluded');
  });

  it('honours false (a default turned off), ignores malformed values, and keeps brace patterns out of the findFiles glob', () => {
    const rules = buildExcludeRules([{ '**/node_modules': false, '**/*.{gen,min}.js': true, 'dist': true, '': true, '[': true }, 'not an object', null, ['**/x']], []);
    assert.equal(rules.isExcluded('node_modules/a.json', none), false);
    assert.equal(rules.isExcluded('src/app.min.js', none), true);
    assert.equal(rules.isExcluded('src/app.gen.js', none), true);
    assert.equal(rules.isExcluded('dist/tools.json', none), true);
    assert.equal(rules.isExcluded('src/dist/tools.json', none), false, '"dist" is relative to the folder root');
    assert.equal(rules.findFilesExclude, 'dist', 'VS Code would split a nested {..,..} on its commas');
    assert.equal(buildExcludeRules([{ a: true, 'b/**': true }], []).findFilesExclude, '{a,b/**}');
    assert.equal(buildExcludeRules([{}], []).findFilesExclude, null);
  });

  it('applies { when } entries only when the sibling exists', () => {
    const rules = buildExcludeRules([{ '**/*.js': { when: '$(basename).ts' } }], []);
    const present = new Set(['src/tool.ts', 'src/tool.js', 'lib/plain.js']);
    const exists = (path: string) => present.has(path);
    assert.equal(rules.isExcluded('src/tool.js', exists), true, 'compiled output next to its source');
    assert.equal(rules.isExcluded('lib/plain.js', exists), false);
    assert.equal(rules.findFilesExclude, null, 'a conditional entry cannot be a findFiles glob');
  });

  it('honours .gitignore files with git\'s semantics: folders, negation, nesting, comments', () => {
    const rules = buildExcludeRules(
      [],
      [
        { directory: '', text: '# build output\ndist/\n*.generated.json\n!keep.generated.json\n/root-only.yaml\n' },
        { directory: 'packages/api', text: 'fixtures/\n!dist/\n' },
      ],
    );
    assert.equal(rules.isExcluded('dist/tools.json', none), true);
    assert.equal(rules.isExcluded('packages/web/dist/tools.json', none), true, 'a pattern without a leading slash matches at any depth');
    assert.equal(rules.isExcluded('schemas/a.generated.json', none), true);
    assert.equal(rules.isExcluded('schemas/keep.generated.json', none), false, 'negation re-includes');
    assert.equal(rules.isExcluded('root-only.yaml', none), true);
    assert.equal(rules.isExcluded('nested/root-only.yaml', none), false, 'anchored to the .gitignore folder');
    assert.equal(rules.isExcluded('packages/api/fixtures/tool.json', none), true, 'a nested .gitignore applies below its folder');
    assert.equal(rules.isExcluded('packages/web/fixtures/tool.json', none), false, 'and only there');
    assert.equal(rules.isExcluded('src/tools.ts', none), false);
  });

  it('ignores a .gitignore inside an ignored folder, as git never reads it', () => {
    const rules = buildExcludeRules(
      [],
      [
        { directory: 'vendor/lib', text: '!*.json\n' },
        { directory: '', text: 'vendor/\n' },
      ],
    );
    assert.equal(rules.isExcluded('vendor/lib/tools.json', none), true);
  });

  it('combines settings and .gitignore', () => {
    const rules = buildExcludeRules([SEARCH_EXCLUDE], [{ directory: '', text: 'out\n' }]);
    assert.equal(rules.isExcluded('out/a.js', none), true);
    assert.equal(rules.isExcluded('node_modules/a.js', none), true);
    assert.equal(rules.isExcluded('src/a.js', none), false);
  });
});
