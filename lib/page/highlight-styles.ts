import { ENTITY_TYPES, type EntityType } from '../entities/types';
import { DEMONYM_HIGHLIGHT, FOCUS_HIGHLIGHT, highlightName, plainHighlight } from './highlight';
import { SNIPPET_HIGHLIGHT } from './snippet-marks';

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

/** One kind of mark: its tint and text colour, and the underline that huge pages go without. */
interface MarkStyle {
  name: string;
  paint: string;
  underline: string;
}

const MARK_STYLES: MarkStyle[] = [
  ...ENTITY_TYPES.map((t) => {
    const s = TYPE_STYLES[t];
    return { name: highlightName(t), paint: `background-color: ${s.tint};`, underline: `underline ${s.style} ${s.line} 2px` };
  }),
  // Adjectives ("Kurdish-led", "Russian jets") say less than names: a thin dotted underline, no tint (a faint
  // grey tint when plain, below).
  { name: DEMONYM_HIGHLIGHT, paint: '', underline: 'underline dotted #6b7280 1px' },
  // The reader's saved snippets: a strong yellow with a thick underline, unlike any entity mark.
  { name: SNIPPET_HIGHLIGHT, paint: 'background-color: rgba(255, 214, 0, 0.5); color: #1b1d21;', underline: 'underline solid #7a5a00 3px' },
  { name: FOCUS_HIGHLIGHT, paint: 'background-color: #ffd400; color: #000;', underline: 'underline solid #000 3px' },
];

/**
 * Plain paint for the kinds whose paint alone says too little without the underline: an adjective has none (a
 * faint grey tint); a saved snippet's pale yellow would pass for a person's amber (a deeper yellow); the focus's
 * yellow would pass for a snippet's (dark blue with white text, apart from every tint on light and dark pages).
 */
const PLAIN_PAINT: Record<string, string> = {
  [DEMONYM_HIGHLIGHT]: 'background-color: rgba(107, 114, 128, 0.18);',
  [SNIPPET_HIGHLIGHT]: 'background-color: rgba(255, 200, 0, 0.85); color: #1b1d21;',
  [FOCUS_HIGHLIGHT]: 'background-color: #0b3d91; color: #fff;',
};

/** The ::highlight rules of every kind of mark, underlined and plain (`usesPlainMarks`). */
export function highlightCss(): string {
  return MARK_STYLES.flatMap(({ name, paint, underline }) => [
    `::highlight(${name}) { ${paint}${paint ? ' ' : ''}text-decoration: ${underline}; }`,
    `::highlight(${plainHighlight(name)}) { ${PLAIN_PAINT[name] ?? paint} }`,
  ]).join('\n');
}
