import { useEffect, useState } from 'react';

/**
 * The body height of a virtual table that fills the window: a virtual table needs a fixed pixel height.
 * `chromeHeight` is everything on the page above and below the table body (header, toolbar, table head).
 */
export function useTableBodyHeight(chromeHeight: number): number {
  const [height, setHeight] = useState(() => Math.max(320, window.innerHeight - chromeHeight));
  useEffect(() => {
    const onResize = () => setHeight(Math.max(320, window.innerHeight - chromeHeight));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [chromeHeight]);
  return height;
}
