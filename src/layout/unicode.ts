/** The full Unicode measure (string-width), in its own module so most runs never load it. */
import stringWidth from 'string-width';
import type { UnicodeLayout } from './measure.js';

export const unicodeLayout: UnicodeLayout = { stringWidth };
