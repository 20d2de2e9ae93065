/**
 * The book page's entry. It holds no React: it asks the background for the first rows at once and
 * draws them as soon as they come (components/book/first-rows.ts); only then does it load React and
 * the page (./first-screen.tsx, most of the page's script), which take the page over. Loaded beside
 * the request, React's evaluation could land just as the answer does and hold the first rows back.
 * The styles are linked from index.html, so they are in before the first rows are drawn.
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
  .then(() => import('./first-screen'))
  .then((page) => page.drawBook(root, firstBlock, answered));
