/**
 * Front matter that needs a real YAML parser (frontmatter.ts decides): js-yaml, built as a bundle
 * of its own (dist/yaml.cjs) and loaded only for such a block. Safe loading: the core schema
 * (strings, numbers, booleans, null, lists and maps; no custom or language tags), a bounded
 * number of aliases and nesting depth, and values copied into plain JSON values, at most
 * MAX_VALUES of them (aliases can make a small block stand for a huge tree).
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import type { Meta, MetaValue } from './frontmatter.js';

const MAX_ALIASES = 100;
const MAX_DEPTH = 100;
const MAX_VALUES = 100_000;

/** The values, or why the block is not read, and on which line of it (0 for the first) when one line is to blame. */
export type YamlRead = { meta: Meta } | { error: string; line?: number };

export function parseYaml(block: string): YamlRead {
  let value: unknown;
  try {
    // json: a repeated key takes the later value, as the scalar reader does.
    value = load(block, { schema: CORE_SCHEMA, json: true, maxAliases: MAX_ALIASES, maxDepth: MAX_DEPTH });
  } catch (error) {
    const { reason, mark } = error as { reason?: unknown; mark?: { line?: unknown } };
    if (typeof reason !== 'string') throw error;
    return { error: reason, line: typeof mark?.line === 'number' ? mark.line : undefined };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { error: 'not a map of keys to values' };
  const budget = { values: MAX_VALUES };
  try {
    return { meta: copy(value as Record<string, unknown>, 0, budget) as Meta };
  } catch (error) {
    if (error instanceof TooLarge) return { error: error.message };
    throw error;
  }
}

class TooLarge extends Error {}

function copy(value: unknown, depth: number, budget: { values: number }): MetaValue {
  if (--budget.values < 0) throw new TooLarge(`more than ${MAX_VALUES} values (an alias counts its values each time)`);
  if (depth > MAX_DEPTH) throw new TooLarge(`nested more than ${MAX_DEPTH} levels deep (through aliases)`);
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  // `.inf` and `.nan` have no JSON number.
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (Array.isArray(value)) return value.map((item) => copy(item, depth + 1, budget));
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copy(item, depth + 1, budget)]));
  return String(value);
}
