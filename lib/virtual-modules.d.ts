declare module 'virtual:crossframe/corpus' {
  import type { CorpusInput } from './corpus/validate';
  export const version: string;
  const input: CorpusInput;
  export default input;
}

declare module 'virtual:crossframe/gazetteer' {
  import type { CompiledGazetteer } from './entities/compile';
  /** Parsed on the first call. */
  export function loadGazetteer(): CompiledGazetteer;
}

declare module 'virtual:crossframe/gate' {
  import type { GateSource } from './entities/gate-pattern';
  export const gateSource: GateSource;
}

declare module 'virtual:crossframe/page.css';

/** Build-time constant (wxt.config.ts `define`): true only in the bench's build, CROSSFRAME_TIMING_MARKS=1. */
declare const __CROSSFRAME_TIMING_MARKS__: boolean;
