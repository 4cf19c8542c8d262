/**
 * Names of the User Timing marks the bench reads (scripts/bench/page.ts). They are only put down in the bench's
 * own build (CROSSFRAME_TIMING_MARKS=1): pages read the same performance timeline.
 */

/** The gate script starts, at document idle: the bench measures from here. */
export const PERF_INJECTED = 'crossframe:injected';
/** Around a scan of the page, the gate's look included. */
export const PERF_SCAN_START = 'crossframe:scan-start';
export const PERF_SCAN_END = 'crossframe:scan-end';
/** When the scan's marks are all drawn (a relevant page; the report comes after), by the gate script or the full one. */
export const PERF_MARKS_DRAWN = 'crossframe:marks-drawn';
/** When the marks can be used too: our host (card, keyboard stepping) is on the page. */
export const PERF_MARKS_READY = 'crossframe:marks-ready';
/** Around building the matcher from the shipped gazetteer, once a page has passed the gate. */
export const PERF_BUILD_START = 'crossframe:build-start';
export const PERF_BUILD_END = 'crossframe:build-end';
