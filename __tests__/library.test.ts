/**
 * The library entry (`import … from 'broadsheet'`, dist/lib): no side effects on import, nothing
 * loaded before a document needs it, every option defaulted.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './helpers.js';

/** Runs an ES module snippet against the built library in a fresh Node, returning what it prints. */
function withLibrary(body: string): unknown {
  const entry = pathToFileURL(join(ROOT, 'dist', 'lib', 'index.js')).href;
  const script = `import { createRequire } from 'node:module';
const loaded = () => Object.keys(createRequire(import.meta.url).cache).filter((k) => /highlight\\.js|chalk/.test(k)).length;
const lib = await import(${JSON.stringify(entry)});
${body}`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

describe('the library', () => {
  it('renders with every option defaulted, loading nothing the document does not need', () => {
    const out = withLibrary(`
const before = loaded();
const text = await lib.render('# Title\\n\\nSome *words*.\\n');
console.log(JSON.stringify({ before, text, after: loaded() }));`);
    expect(out).toEqual({ before: 0, text: 'Title\n━━━━━\n\nSome words.\n', after: 0 });
  });

  it('loads the highlighter only for ansi output of code that names a language', () => {
    const out = withLibrary(`
await lib.render('\`\`\`js\\nlet a = 1;\\n\`\`\`\\n', { format: 'text' });
const afterText = loaded();
const ansi = await lib.render('\`\`\`js\\nlet a = 1;\\n\`\`\`\\n', { format: 'ansi' });
console.log(JSON.stringify({ afterText, highlighted: /\\u001b\\[[0-9;]+mlet\\u001b\\[39m/.test(ansi), afterAnsi: loaded() > 0 }));`);
    expect(out).toEqual({ afterText: 0, highlighted: true, afterAnsi: true });
  });

  it('gives JSON as a value, and exports no internal helpers', () => {
    const out = withLibrary(`
const rendered = await lib.renderDocument('## A\\n\\ntext\\n', { format: 'json' });
console.log(JSON.stringify({ kind: rendered.kind, title: rendered.value.sections[0].title, exports: Object.keys(lib).sort() }));`);
    expect(out).toMatchObject({ kind: 'json', title: 'A' });
    const names = (out as { exports: string[] }).exports;
    expect(names).toEqual(expect.arrayContaining(['render', 'renderDocument', 'parseDocument', 'selectSections', 'loadKit']));
    expect(names).not.toEqual(expect.arrayContaining(['prepare']));
    expect(names).not.toContain('decode');
  });

  it('hyphenates for a narrow measure (the patterns load as ES modules)', () => {
    const out = withLibrary(`
const text = await lib.render('A representation of extraordinary internationalisation.\\n', { hyphenate: 'always', width: 30, format: 'text' });
console.log(JSON.stringify({ hyphenated: /[a-z]-\\n/.test(text) }));`);
    expect(out).toEqual({ hyphenated: true });
  });

  it('gives text renders in pieces, which textOf joins into what render returns', () => {
    const out = withLibrary(`
const markdown = '# T\\n\\nOne.\\n\\nTwo.\\n';
const rendered = await lib.renderDocument(markdown, { format: 'text' });
console.log(JSON.stringify({ kind: rendered.kind, many: rendered.pieces.length > 1, same: lib.textOf(rendered) === (await lib.render(markdown)) }));`);
    expect(out).toEqual({ kind: 'pieces', many: true, same: true });
  });

  it('gives text and ansi as UTF-8 chunks, rendered as they are asked for', () => {
    const out = withLibrary(`
const markdown = '# T\\n\\nOne “two” 字.\\n\\n## S\\n\\nThree.\\n';
const same = [];
for (const format of ['text', 'ansi']) {
  const prepared = await lib.prepareDocument(markdown, { format });
  const bytes = Buffer.concat(Array.from(lib.renderChunks(prepared, 8), (chunk) => Buffer.from(chunk)));
  same.push(lib.isReaderFormat(prepared.request) && bytes.toString() === (await lib.render(markdown, { format })));
}
const json = await lib.prepareDocument(markdown, { format: 'json' });
let refused = '';
try { lib.renderChunks(json); } catch (error) { refused = error.message; }
console.log(JSON.stringify({ same, json: lib.isReaderFormat(json.request), refused }));`);
    expect(out).toEqual({ same: [true, true], json: false, refused: 'renderChunks renders text and ansi, not json: renderParsed renders it' });
  });
});
