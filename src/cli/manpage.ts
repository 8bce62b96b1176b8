/**
 * The man page, broadsheet.1, made at build time (scripts/build.mjs) from one source: the
 * commander program (NAME, SYNOPSIS, OPTIONS: every flag, with its choices and default), the
 * help's own closing sections (EXIT STATUS, ENVIRONMENT, EXAMPLES) and the prose of
 * man/broadsheet.1.md (DESCRIPTION, FILES, SEE ALSO...), a small Markdown subset set in roff.
 * Not part of the command or the library: nothing loads it at run time.
 */
import type { Command, Option } from 'commander';
import { Lexer, type Token, type Tokens } from 'marked';
import { createProgram, HELP_SECTIONS } from './program.js';

/** The sections, in the order man-pages(7) gives them; a page section not named here goes before SEE ALSO. */
const ORDER = ['NAME', 'SYNOPSIS', 'DESCRIPTION', 'OPTIONS', 'EXIT STATUS', 'ENVIRONMENT', 'FILES', 'EXAMPLES'];

export function manPage(page: string, version: string, date: string): string {
  const program = createProgram(version, { writeOut: () => {}, writeErr: () => {} });
  const name = program.name();
  const help = (title: string) => HELP_SECTIONS.find(([t]) => t === title)?.[1] ?? [];
  const generated = new Map<string, string>([
    ['NAME', `${name} \\- ${escape(program.description().replace(/;.*$/, ''))}\n`],
    ['SYNOPSIS', synopsis(name, program.usage())],
    ['OPTIONS', options(program)],
    ['EXIT STATUS', tagged(help('Exit status'))],
    ['ENVIRONMENT', tagged(help('Environment'), true)],
    ['EXAMPLES', examples(help('Examples'))],
  ]);
  const written = sectionsOf(page);
  const names = [...ORDER, ...[...written.keys()].filter((title) => !ORDER.includes(title) && title !== 'SEE ALSO'), 'SEE ALSO'];
  // No hyphenation, ragged right: flags and variable names stay whole, to be searched and copied.
  const out = [`.TH ${name.toUpperCase()} 1 "${date}" "${name} ${version}" "User Commands"\n.nh\n.ad l\n`];
  for (const title of names) {
    const body = (generated.get(title) ?? '') + (written.get(title) ?? '');
    if (body !== '') out.push(`.SH "${title}"\n${body}`);
  }
  return out.join('');
}

/** `-w, --width <columns>`, then the description, its choices and its default. */
function options(program: Command): string {
  const helper = program.createHelp();
  return helper
    .visibleOptions(program)
    .map((option: Option) => {
      // Flags bold, the value's name italic: `\fB\-w\fR, \fB\-\-width\fR \fIcolumns\fR`.
      const term = option.flags.replace(/(-[\w-]+)|<(\w+)>|\[(\w+)\]/g, (_, flag?: string, value?: string, optional?: string) => (flag ? `\\fB${escape(flag)}\\fR` : value ? `\\fI${value}\\fR` : `[\\fI${optional}\\fR]`));
      const shown = option.defaultValue !== undefined && !option.negate && !option.description.includes('(default:');
      const extra = [option.argChoices ? `choices: ${option.argChoices.join(', ')}` : '', shown ? `default: ${String(option.defaultValue)}` : ''].filter(Boolean).join('; ');
      return `.TP\n${term}\n${escape(option.description)}${extra ? ` (${escape(extra)})` : ''}.\n`;
    })
    .join('');
}

function tagged(rows: readonly [string, string][], bold = false): string {
  return rows.map(([term, description]) => `.TP\n${bold ? `\\fB${escape(term)}\\fR` : escape(term)}\n${escape(description)}.\n`).join('');
}

/** One synopsis line per usage line (help indents the later ones under "Usage:"; man does its own). */
function synopsis(name: string, usage: string): string {
  return usage
    .split('\n')
    .map((line) => line.trim().replace(new RegExp(`^${name} `), ''))
    .map((line) => `.B ${name}\n${line.replace(/\[(\w+)\]/g, (_, word: string) => `[\\fI${word}\\fR]`)}\n`)
    .join('.br\n');
}

function examples(rows: readonly [string, string][]): string {
  return rows.map(([command, description]) => `.TP\n\\fB${escape(command)}\\fR\n${description ? `${escape(description)}.` : '\\&'}\n`).join('');
}

/** The page's sections (`# TITLE`), each set in roff. */
function sectionsOf(page: string): Map<string, string> {
  const sections = new Map<string, string>();
  let title: string | undefined;
  for (const token of Lexer.lex(page)) {
    if (token.type === 'heading' && (token as Tokens.Heading).depth === 1) {
      title = (token as Tokens.Heading).text.toUpperCase();
      sections.set(title, '');
      continue;
    }
    if (title === undefined) {
      if (token.type === 'space') continue;
      throw new Error(`man page source: text before the first # heading: ${token.raw.slice(0, 40)}`);
    }
    sections.set(title, sections.get(title)! + block(token));
  }
  return sections;
}

function block(token: Token): string {
  switch (token.type) {
    case 'space':
      return '';
    case 'heading':
      return `.SS "${escape((token as Tokens.Heading).text)}"\n`;
    case 'paragraph':
      return `.PP\n${inline((token as Tokens.Paragraph).tokens)}\n`;
    case 'code':
      return `.PP\n.RS 4\n.nf\n${escape((token as Tokens.Code).text)}\n.fi\n.RE\n`;
    case 'list':
      return (token as Tokens.List).items.map(item).join('');
    default:
      throw new Error(`man page source: ${token.type} is not supported`);
  }
}

/** A list item: `` `term`: description `` is a tagged paragraph; anything else a bullet. */
function item(token: Tokens.ListItem): string {
  const content = token.tokens.flatMap((t) => (t.type === 'text' && 'tokens' in t && t.tokens ? t.tokens : [t]));
  const [first, second] = content;
  if (first?.type === 'codespan' && second?.type === 'text' && second.text.startsWith(': ')) {
    const rest = [{ ...second, text: second.text.slice(2) } as Token, ...content.slice(2)];
    return `.TP\n\\fB${escape((first as Tokens.Codespan).text)}\\fR\n${inline(rest)}\n`;
  }
  return `.IP \\(bu 2\n${inline(content)}\n`;
}

function inline(tokens: readonly Token[]): string {
  return tokens
    .map((token) => {
      switch (token.type) {
        case 'text':
        case 'escape':
          return 'tokens' in token && token.tokens ? inline(token.tokens) : escape((token as Tokens.Text).text);
        case 'codespan':
          return `\\fB${escape((token as Tokens.Codespan).text)}\\fR`;
        case 'strong':
          return `\\fB${inline((token as Tokens.Strong).tokens)}\\fR`;
        case 'em':
          return `\\fI${inline((token as Tokens.Em).tokens)}\\fR`;
        case 'link': {
          const link = token as Tokens.Link;
          const text = inline(link.tokens);
          return link.text === link.href ? text : `${text} (${escape(link.href)})`;
        }
        case 'br':
          return '\n.br\n';
        default:
          throw new Error(`man page source: inline ${token.type} is not supported`);
      }
    })
    .join('');
}

/**
 * Text for roff: backslashes and hyphen-minus escaped (options stay copyable), and a `.` or `'`
 * that may start a line (a request) made text.
 */
function escape(text: string): string {
  return text
    .replace(/\\/g, '\\e')
    .replace(/-/g, '\\-')
    .replace(/(^|\n)([.'])/g, '$1\\&$2');
}
