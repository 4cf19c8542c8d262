import { CrossframeDB } from '../../lib/db/database';

/** The extension-origin database, opened once per page. */
let instance: CrossframeDB | null = null;

export function getDb(): CrossframeDB {
  instance ??= new CrossframeDB();
  return instance;
}
