// One lock for everything that writes the spreadsheet's own sheets from a document context: slices
// (menu and trigger) and the sidebar's changes, so a cohort renamed from the sidebar never
// interleaves with a slice rewriting Histórico.
//
// The document lock. The webhook cannot take it (getDocumentLock() returns null in a web app,
// https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock()); it needs
// none, because it only writes `_Webhook`, which nothing else writes, under the script lock.

/** Runs `work` holding the workbook lock, or returns `busy()` when another execution kept it for `waitMs`. */
export function withWorkbookLock<T>(waitMs: number, work: () => T, busy: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock?.tryLock(waitMs)) return busy();
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
