/** HTML5 character references (`&copy;`, `&nbsp;`, `&#x4e2d;`), decoded by `entities` with CommonMark's rule: the semicolon is required. Its own bundle. */
export { decodeHTMLStrict } from 'entities/decode';
