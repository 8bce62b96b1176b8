/**
 * GFM footnotes (`[^1]` in the text, `[^1]: The note.` on its own), as a marked extension: a
 * block tokenizer for definitions (continuation lines indented by four spaces or a tab, as
 * GitHub reads them) and an inline one for references, which only matches a label that is
 * defined (otherwise `[^x]` is text, as on GitHub). marked-footnote renders HTML and reaches into
 * the lexer's token list; broadsheet needs only the tokens.
 */
import type { MarkedExtension, Token, Tokens } from 'marked';

export interface FootnoteDefinition extends Tokens.Generic {
  type: 'footnoteDefinition';
  raw: string;
  label: string;
  tokens: Token[];
}

export interface FootnoteReference extends Tokens.Generic {
  type: 'footnoteReference';
  raw: string;
  label: string;
}

const DEFINITION = /^ {0,3}\[\^([^\]\s]+)\]:[ \t]*([^\n]*(?:\n(?:[ \t]*\n)*(?: {4}|\t)[^\n]*)*)(?:\n|$)/;
const REFERENCE = /^\[\^([^\]\s]+)\]/;

/** Labels compare as link labels do: case folded. */
export function footnoteLabel(label: string): string {
  return label.toLowerCase();
}

/** A fresh extension per document: the labels defined are the document's own. */
export function footnotes(): MarkedExtension {
  const defined = new Set<string>();
  return {
    extensions: [
      {
        name: 'footnoteDefinition',
        level: 'block',
        // No `start`: like a link definition, a footnote definition does not interrupt a
        // paragraph; and a start function is called at every block with the rest of the document.
        tokenizer(src: string) {
          const match = DEFINITION.exec(src);
          if (!match) return undefined;
          const label = footnoteLabel(match[1]!);
          defined.add(label);
          const body = match[2]!.replace(/\n(?: {4}|\t)/g, '\n');
          const token: FootnoteDefinition = { type: 'footnoteDefinition', raw: match[0], label, tokens: [] };
          this.lexer.blockTokens(body, token.tokens);
          return token;
        },
      },
      {
        name: 'footnoteReference',
        level: 'inline',
        // No `start`: marked's text rule already stops at `[`, and a start function would be
        // called at every step with the rest of the paragraph (quadratic on `[a[a[a…`).
        tokenizer(src: string) {
          const match = REFERENCE.exec(src);
          if (!match || !defined.has(footnoteLabel(match[1]!))) return undefined;
          const token: FootnoteReference = { type: 'footnoteReference', raw: match[0], label: footnoteLabel(match[1]!) };
          return token;
        },
      },
    ],
  };
}
