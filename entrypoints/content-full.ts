import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startFullPage } from './content/full-page';
import { publishFullScript } from './content/full-script';

/**
 * The full content script: loaded by the gate script (content/index.ts) with import(), only on pages that
 * pass the gate. It publishes its entry point and waits to be given the page.
 */
export default defineUnlistedScript(() => publishFullScript({ start: startFullPage }));
