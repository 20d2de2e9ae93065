/**
 * The book page's entry. It holds no React: it asks the background for the first rows at once and
 * draws them as soon as they come (components/book/first-rows.ts); once they are painted it loads
 * React and the page (./first-screen.tsx, most of the page's script), which take the page over.
 * Loaded beside the request, React's evaluation (one long task) could land just as the answer does
 * and hold the first rows back. The styles are linked from index.html, so they are in first.
 */
import { askFirstBlock, type BookBlock } from '@/components/book/first-block';
import { drawFirstRows } from '@/components/book/first-rows';

const root = document.getElementById('root')!;
const firstBlock = askFirstBlock();
let answered: BookBlock | undefined;
firstBlock
  .then((block) => {
    answered = block;
    // An empty book gets React's own words for it.
    if (block.rows.length > 0) drawFirstRows(root, block);
  })
  // Handed to the page, which reports a failure where the rows would be.
  .catch(() => undefined)
  // After the frame that paints the rows; a tab opened in the background paints no frame until shown.
  .then(
    () =>
      new Promise<void>((painted) => {
        requestAnimationFrame(() => setTimeout(painted));
        setTimeout(painted, 200);
      }),
  )
  .then(() => import('./first-screen'))
  .then((page) => page.drawBook(root, firstBlock, answered));
