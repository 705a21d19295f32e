/**
 * Puts `text` on the clipboard: the Clipboard API where the page is a secure context; otherwise
 * the older copy command on a selection (`input`'s text, or a hidden text area holding `text`).
 * Resolves to whether the browser allowed it.
 */
export async function copyText(text: string, input?: HTMLInputElement | HTMLTextAreaElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the selection
  }
  if (input) {
    input.select();
    return document.execCommand('copy');
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  try {
    area.select();
    return document.execCommand('copy');
  } finally {
    area.remove();
  }
}
