import { splitFrontMatter } from '../src/load/frontmatter.js';

describe('splitFrontMatter', () => {
  it('reads top-level scalars, quoted or bare, and where the body starts', () => {
    const text = '---\ntitle: "Xi and Putin hail \'new era\'"\nstandfirst: It\'s bare # a comment\ncredit: \'A \'\'quoted\'\' credit\' # a comment\nempty:\n---\n\nBody\n';
    const { meta, bodyStart } = splitFrontMatter(text);
    expect(meta).toEqual({ title: "Xi and Putin hail 'new era'", standfirst: "It's bare", credit: "A 'quoted' credit", empty: null });
    expect(text.slice(bodyStart)).toBe('\nBody\n');
  });

  it('understands YAML double-quoted escapes', () => {
    expect(splitFrontMatter('---\na: "tab\\there \\u00e9 \\x41 \\e[0m"\n---\n').meta.a).toBe('tab\there é A \u001B[0m');
  });

  it('leaves what is not a scalar to the YAML parser, keeping the scalars it read', () => {
    const block = 'tags: [a, b]\nauthor:\n  name: X\nbody: |\n  text\ntitle: T\n';
    const { meta, yaml } = splitFrontMatter(`---\n${block}---\n`);
    expect(meta).toEqual({ title: 'T', author: null });
    expect(yaml).toBe(block);
  });

  it('needs an opening line and a closing line', () => {
    expect(splitFrontMatter('title: T\n---\n')).toEqual({ meta: {}, bodyStart: 0 });
    expect(splitFrontMatter('---\ntitle: T\nno end\n')).toEqual({ meta: {}, bodyStart: 0 });
    const text = '---\ntitle: T\n...\nbody';
    expect(text.slice(splitFrontMatter(text).bodyStart)).toBe('body');
  });
});
