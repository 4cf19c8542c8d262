import { ENTITY_TYPES, type EntityType } from '../entities/types';
import { DEMONYM_HIGHLIGHT, FOCUS_HIGHLIGHT, highlightName } from './highlight';

/**
 * Each type has its own tint and its own underline style, so types differ without relying on colour alone.
 * Tints are translucent to stay readable on light and dark pages; ::highlight rules can only reach our own
 * named highlights, so they cannot restyle anything of the page's.
 */
export const TYPE_STYLES: Record<EntityType, { tint: string; line: string; style: string }> = {
  person: { tint: 'rgba(255, 190, 0, 0.30)', line: '#a86b00', style: 'solid' },
  place: { tint: 'rgba(0, 150, 255, 0.24)', line: '#0b5cad', style: 'dotted' },
  organization: { tint: 'rgba(150, 80, 255, 0.24)', line: '#6a35c2', style: 'dashed' },
  group: { tint: 'rgba(255, 70, 70, 0.24)', line: '#b3261e', style: 'wavy' },
  event: { tint: 'rgba(0, 190, 110, 0.26)', line: '#0a7a48', style: 'double' },
};

export function highlightCss(): string {
  const rules = ENTITY_TYPES.map((t) => {
    const s = TYPE_STYLES[t];
    return `::highlight(${highlightName(t)}) { background-color: ${s.tint}; text-decoration: underline ${s.style} ${s.line} 2px; }`;
  });
  // Adjectives ("Kurdish-led", "Russian jets") say less than names: a thin dotted underline, no tint.
  rules.push(`::highlight(${DEMONYM_HIGHLIGHT}) { text-decoration: underline dotted #6b7280 1px; }`);
  // The reader's saved snippets: a strong yellow with a thick underline, unlike any entity mark.
  rules.push(`::highlight(crossframe-snippet) { background-color: rgba(255, 214, 0, 0.5); color: #1b1d21; text-decoration: underline solid #7a5a00 3px; }`);
  rules.push(`::highlight(${FOCUS_HIGHLIGHT}) { background-color: #ffd400; color: #000; text-decoration: underline solid #000 3px; }`);
  return rules.join('\n');
}
