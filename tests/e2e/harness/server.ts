// The tests serve pages with the same static server as `npm run demo`.
export * from '../../../scripts/lib/static-server';
