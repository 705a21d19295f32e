/**
 * Lets the browser download the file at `url` (same origin): it streams straight to disk,
 * however large. The server names it (Content-Disposition); `suggestedName` is used only when
 * it does not.
 */
export function download(url: string, suggestedName = '') {
  const link = document.createElement('a');
  link.href = url;
  link.download = suggestedName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
}
