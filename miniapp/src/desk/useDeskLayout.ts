/**
 * Whether the page shows in the desk layout (a browser at least 1024 px wide). Never in the
 * mini-program: `useDeskLayout.h5.ts` answers for the browser build.
 */
export function useDeskLayout(): boolean {
  return false
}
