import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BriefingToolbar } from '@/components/briefing/BriefingToolbar';
import { briefingMarkdown } from '@/lib/briefing/markdown';
import { renderWithClient, sampleView } from './setup';

const view = sampleView('sample-acme');

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('BriefingToolbar', () => {
  it('copies the briefing as Markdown and says so', async () => {
    const user = userEvent.setup();
    const write = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    renderWithClient(<BriefingToolbar view={view} />);
    expect(screen.getByRole('status')).toHaveTextContent('');
    await user.click(screen.getByRole('button', { name: 'Copy briefing' }));
    expect(write).toHaveBeenCalledWith(briefingMarkdown(view));
    expect(await screen.findByRole('status')).toHaveTextContent('Copied');
  });

  it('says why when the clipboard refuses', async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('Document is not focused.'));
    renderWithClient(<BriefingToolbar view={view} />);
    await user.click(screen.getByRole('button', { name: 'Copy briefing' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Could not copy: Document is not focused.');
  });

  it('prints', async () => {
    const user = userEvent.setup();
    // happy-dom has no window.print.
    const print = vi.fn();
    vi.stubGlobal('print', print);
    renderWithClient(<BriefingToolbar view={view} />);
    await user.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledOnce();
  });
});
