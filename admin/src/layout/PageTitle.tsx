import { useEffect, useRef } from 'react';
import { AppBarClasses, TitlePortal } from 'react-admin';

/**
 * The page title in the app bar, on one line: cut with an ellipsis when it does not fit (a
 * statement's title is its date and headline), the whole of it in a tooltip. react-admin draws
 * each page's title into this element through a portal, wrapped in inline-blocks that an
 * ellipsis cannot cut: they are made inline, and the tooltip follows the text as pages change.
 */
export const PageTitle = () => {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const title = ref.current;
    if (!title) return;
    const follow = () => {
      const text = title.textContent?.trim() ?? '';
      if (text) title.setAttribute('title', text);
      else title.removeAttribute('title');
    };
    follow();
    const observer = new MutationObserver(follow);
    observer.observe(title, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, []);
  return <TitlePortal ref={ref} className={AppBarClasses.title} sx={{ minWidth: 0, '& *': { display: 'inline' } }} />;
};
