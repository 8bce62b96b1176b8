/** The full Unicode layout (wrap-ansi, string-width), for text our fast path does not cover. */
import wrapAnsi from 'wrap-ansi';
import stringWidth from 'string-width';
import { useComplexLayout } from './width.js';

export function register(): void {
  useComplexLayout({ stringWidth, wrapAnsi });
}
