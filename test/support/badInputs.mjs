// Generators for hostile YAML, shared by the core and LSP tiers.

/** The "billion laughs": nine levels of nine aliases each, 9^9 nodes if expanded. */
export function billionLaughs(indent = '') {
  const lines = [`${indent}a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]`];
  for (let level = 1; level < 9; level++) {
    const name = String.fromCharCode(97 + level);
    const previous = String.fromCharCode(96 + level);
    lines.push(`${indent}${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

/** `depth` nested block mappings, each key one space deeper. */
export function deepBlock(depth) {
  let text = '';
  for (let i = 0; i < depth; i++) text += `${' '.repeat(i)}k${i}:\n`;
  return `${text}${' '.repeat(depth)}leaf: 1\n`;
}

/** `depth` nested flow sequences inside a mapping value. */
export function deepFlow(depth) {
  return `a: ${'['.repeat(depth)}1${']'.repeat(depth)}\n`;
}

/** `depth` nested flow mappings. */
export function deepFlowMap(depth) {
  return `a: ${'{b: '.repeat(depth)}1${'}'.repeat(depth)}\n`;
}
