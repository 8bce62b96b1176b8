/** The full Unicode layout (wrap-ansi, string-width), in its own module so most runs never load it. */
import wrapAnsi from 'wrap-ansi';
import stringWidth from 'string-width';
import type { UnicodeLayout } from './measure.js';

export const unicodeLayout: UnicodeLayout = { stringWidth, wrapAnsi };
