/**
 * The grammars most READMEs' fences name (shell sessions, JavaScript and TypeScript, Python,
 * JSON, YAML, HTML) with those JavaScript embeds (CSS, GraphQL, XML), built as one bundle of its
 * own (dist/common-grammars.cjs) so that, like the other bundles, it is compiled with a code
 * cache: through Node's loader, from highlight.js's files, the five to eight a README's code
 * needed took 2.1-2.9 ms of every colour run. Any other grammar is still required from
 * highlight.js (grammar-by-path.ts).
 */
import type { LanguageFn } from 'highlight.js';
import bash from 'highlight.js/lib/languages/bash';
import css from 'highlight.js/lib/languages/css';
import graphql from 'highlight.js/lib/languages/graphql';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import plaintext from 'highlight.js/lib/languages/plaintext';
import python from 'highlight.js/lib/languages/python';
import shell from 'highlight.js/lib/languages/shell';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';
import { COMMON_GRAMMARS } from './common-grammar-names.js';

export const commonGrammars: Readonly<Record<(typeof COMMON_GRAMMARS)[number], LanguageFn>> = { bash, css, graphql, javascript, json, plaintext, python, shell, typescript, xml, yaml };
