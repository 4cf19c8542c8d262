// A real IndexedDB implementation in memory, so lib/db runs the same code as in the browser.
import 'fake-indexeddb/auto';
