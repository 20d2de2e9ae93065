import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createQueryClient } from '@/components/data/GlanceQueryProvider';
import { DisplayPanel } from '@/components/options/DisplayPanel';
import { DISPLAY_MODE_KEY } from '@/lib/display/mode';

beforeEach(() => fakeBrowser.reset());

function renderPanel() {
  render(
    <QueryClientProvider client={createQueryClient()}>
      <DisplayPanel />
    </QueryClientProvider>,
  );
}

describe('DisplayPanel', () => {
  it('shows Glance in the page until the user picks the side panel, and keeps the choice where content scripts read it', async () => {
    const user = userEvent.setup();
    renderPanel();
    const inPage = await screen.findByRole('radio', { name: 'In the page' });
    const inPanel = screen.getByRole('radio', { name: "In the browser's side panel" });
    await vi.waitFor(() => expect(inPage).toBeChecked());
    expect(inPanel).not.toBeChecked();

    await user.click(inPanel);
    await screen.findByText('Saved. Open pages switch at once.');
    expect(inPanel).toBeChecked();
    expect(await fakeBrowser.storage.local.get(DISPLAY_MODE_KEY)).toEqual({ [DISPLAY_MODE_KEY]: 'panel' });
  });

  it('shows a stored side panel choice', async () => {
    await fakeBrowser.storage.local.set({ [DISPLAY_MODE_KEY]: 'panel' });
    renderPanel();
    const inPanel = await screen.findByRole('radio', { name: "In the browser's side panel" });
    await vi.waitFor(() => expect(inPanel).toBeChecked());
  });
});
