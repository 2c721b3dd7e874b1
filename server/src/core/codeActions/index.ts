// Quick fixes: rename, replace, quote/unquote, move a misplaced field, add a missing subset.
export { quickFixes, type QuickFixInput } from './quickFixes';
