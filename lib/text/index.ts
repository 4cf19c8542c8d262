export { foldToken } from './fold';
export { tokenize, type Tokens } from './tokenize';
export { normalize, normalizeWithMap, toOriginalRange, type NormalizedText } from './normalize';
