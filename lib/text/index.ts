export { isAscii } from './chars';
export { foldToken } from './fold';
export { tokenize, tokenizeLazily, wordNorm, WordKind, type Tokens, type Words } from './tokenize';
export { isKeyedWord, skeletonKey } from './skeleton';
export { normalize, normalizeWithMap, toOriginalRange, type NormalizedText } from './normalize';
