/**
 * The book page's entry. It holds no React: it asks the background for the first rows at once,
 * then loads React and the page (./first-screen.tsx, most of the page's script), so the background
 * answers while that loads instead of after it. The styles come with the page (imported here, the shared
 * styles were ordered after the book's own).
 */
import { askFirstBlock } from '@/components/book/first-block';

const firstBlock = askFirstBlock();
// Handed to the page, which reports a failure where the rows would be.
firstBlock.catch(() => undefined);

void import('./first-screen').then((page) => page.drawBook(firstBlock));
