// Article-like Markdown of a given size for the bench: sections with paragraphs, lists, links,
// inline code, fenced code and tables. Deterministic, so runs compare.
const WORDS = 'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were her she there been one all we their has would when if so no will more out up into do any your what some can them only other new then about also two may could like over time these first years than most made after even many must through back where much'.split(' ');

function* sentences(seed) {
  let x = seed;
  const next = () => ((x = (x * 1103515245 + 12345) % 2147483648), x);
  for (;;) {
    const n = 8 + (next() % 18);
    const words = Array.from({ length: n }, () => WORDS[next() % WORDS.length]);
    words[0] = words[0][0].toUpperCase() + words[0].slice(1);
    const r = next() % 10;
    if (r === 0) words[3] = `[${words[3]}](https://example.com/${words[3]}/${next() % 1000})`;
    if (r === 1) words[2] = `**${words[2]}**`;
    if (r === 2) words[4] = `\`${words[4]}()\``;
    yield `${words.join(' ')}.`;
  }
}

export function generate(bytes) {
  const s = sentences(42);
  const parts = ['---\ntitle: "Bench article"\nstandfirst: "Generated text"\n---\n\n'];
  let size = parts[0].length;
  let section = 0;
  while (size < bytes) {
    let block;
    const kind = size % 7;
    if (kind === 0 && section % 3 === 0) block = `## Section ${++section}\n`;
    else if (kind === 1) block = `- ${s.next().value}\n- ${s.next().value}\n  - ${s.next().value}\n`;
    else if (kind === 2) block = '```js\nconst total = items.reduce((sum, item) => sum + item.price, 0);\nconsole.log(total);\n```\n';
    else if (kind === 3) block = `| name | value | note |\n|---|---:|---|\n| alpha | 1 | ${s.next().value} |\n| beta | 22 | ${s.next().value} |\n`;
    else {
      block = `${s.next().value} ${s.next().value} ${s.next().value} ${s.next().value}\n`;
      if (kind === 0) section++;
    }
    parts.push(block, '\n');
    size += block.length + 1;
  }
  parts.push(`## The last section\n\n${s.next().value}\n`);
  return parts.join('');
}
