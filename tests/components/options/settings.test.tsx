import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createQueryClient } from '@/components/data/GlanceQueryProvider';
import { SettingsPanel } from '@/components/options/SettingsPanel';
import { call } from '@/lib/messages/client';
import { DEFAULT_SETTINGS, mergeSettings, parseSettings, type PlaybookSettings } from '@/lib/settings';

vi.mock('@/lib/messages/client', () => ({ call: vi.fn(), onDataChanged: () => () => {} }));

const callMock = vi.mocked(call);
let stored: PlaybookSettings;
let saves: unknown[];

beforeEach(() => {
  stored = mergeSettings();
  saves = [];
  callMock.mockReset();
  callMock.mockImplementation((async (type: string, payload: { settings?: unknown }) => {
    if (type === 'settings.get') return stored;
    if (type === 'settings.save') {
      saves.push(payload.settings);
      // As the background does: validate, keep, hand back what was kept.
      const parsed = parseSettings(payload.settings);
      if (!parsed.ok) throw new Error(`Settings not saved: ${parsed.errors[0].message}`);
      stored = parsed.settings;
      return stored;
    }
    throw new Error(`unexpected ${type}`);
  }) as typeof call);
});

async function renderPanel() {
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={createQueryClient()}>
      <SettingsPanel />
    </QueryClientProvider>,
  );
  await user.click(await screen.findByRole('button', { name: /^Advanced: all \d+ figures$/ }));
  await screen.findByLabelText('Product adoption weight (%)');
  return user;
}

const save = () => screen.getByRole('button', { name: 'Save settings' });

async function setValue(user: ReturnType<typeof userEvent.setup>, label: string, value: string) {
  const input = screen.getByLabelText(label);
  await user.clear(input);
  if (value !== '') await user.type(input, value);
}

describe('SettingsPanel', () => {
  it('shows every setting with its saved value, grouped, and the weights adding up', async () => {
    await renderPanel();
    for (const title of [
      'Health weights',
      'Bands',
      'Signal thresholds',
      'Renewal stages and the 90-day rule',
      'Tiers and QBR cadence',
      'Expansion',
    ]) {
      expect(screen.getByRole('group', { name: title })).toBeInTheDocument();
    }
    expect(screen.getByLabelText('Product adoption weight (%)')).toHaveValue(30);
    expect(screen.getByLabelText('Commercial weight (%)')).toHaveValue(10);
    expect(screen.getByLabelText('Green band minimum score')).toHaveValue(80);
    expect(screen.getByLabelText('Renewal stage 6 (days before renewal)')).toHaveValue(0);
    expect(screen.getByLabelText('First renewal conversation by (days before renewal)')).toHaveValue(90);
    // No QBR for SMB by default: an empty field, not a zero.
    expect(screen.getByLabelText('SMB QBR every (days)')).toHaveValue(null);
    expect(screen.getByText('Weights add up to 100%')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    // Nothing changed yet, so nothing to save.
    expect(save()).toBeDisabled();
  });

  it('says the weights do not add up and blocks saving; fixing them saves the new settings', async () => {
    const user = await renderPanel();
    await setValue(user, 'Product adoption weight (%)', '25');
    expect(screen.getByRole('alert')).toHaveTextContent('Weights add up to 95%: they must total 100%');
    expect(screen.getByText(/To save, fix: Health weights/)).toBeInTheDocument();
    expect(save()).toBeDisabled();

    await setValue(user, 'Outcomes weight (%)', '30');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByText('Weights add up to 100%')).toBeInTheDocument();
    expect(save()).toBeEnabled();

    await user.click(save());
    await screen.findByText('Saved', { exact: false });
    expect(saves).toHaveLength(1);
    expect(saves[0]).toEqual({ ...mergeSettings(), weights: { ...DEFAULT_SETTINGS.weights, adoption: 25, outcomes: 30 } });
    expect(save()).toBeDisabled();
  });

  it('names the setting at fault for rules across fields, and for empty or out-of-range values', async () => {
    const user = await renderPanel();
    await setValue(user, 'Yellow band minimum score', '85');
    const yellow = screen.getByLabelText('Yellow band minimum score');
    expect(yellow).toHaveAttribute('aria-invalid', 'true');
    expect(yellow).toHaveAccessibleDescription('Must be below the green band minimum score');
    expect(screen.getByText(/To save, fix: Yellow band minimum score/)).toBeInTheDocument();
    expect(save()).toBeDisabled();

    await setValue(user, 'Yellow band minimum score', '60');
    await setValue(user, 'Usage drop (%)', '140');
    expect(screen.getByLabelText('Usage drop (%)')).toHaveAccessibleDescription(/Must be from 0 to 100/);
    await setValue(user, 'Usage drop (%)', '');
    expect(screen.getByLabelText('Usage drop (%)')).toHaveAccessibleDescription(/Enter a number/);
    await setValue(user, 'Usage drop (%)', '25');

    await setValue(user, 'Renewal stage 6 (days before renewal)', '5');
    expect(screen.getByLabelText('Renewal stage 6 (days before renewal)')).toHaveAccessibleDescription(
      'The last stage is the renewal day: 0',
    );
    await setValue(user, 'Renewal stage 6 (days before renewal)', '0');
    await setValue(user, 'Renewal stage 3 (days before renewal)', '95');
    expect(screen.getByLabelText('Renewal stage 3 (days before renewal)')).toHaveAccessibleDescription('Must be fewer days than stage 2');
    expect(save()).toBeDisabled();
    expect(saves).toHaveLength(0);
  });

  it('turns a tier’s QBR cadence off with an empty field', async () => {
    const user = await renderPanel();
    await setValue(user, 'Mid-market QBR every (days)', '');
    await user.click(save());
    await screen.findByText('Saved', { exact: false });
    expect((saves[0] as PlaybookSettings).tiers.qbrCadenceDays['mid-market']).toBeNull();
  });

  it('resets to the playbook defaults after a confirmation, and can be cancelled', async () => {
    stored = mergeSettings({ weights: { adoption: 40, outcomes: 15 }, bands: { green: 90 } });
    const user = await renderPanel();
    expect(screen.getByLabelText('Green band minimum score')).toHaveValue(90);

    await user.click(screen.getByRole('button', { name: 'Reset to playbook defaults' }));
    expect(screen.getByRole('group', { name: 'Replace every setting with the playbook defaults?' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Yes, reset to defaults' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Reset to playbook defaults' })).toHaveFocus();
    expect(saves).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Reset to playbook defaults' }));
    await user.click(screen.getByRole('button', { name: 'Yes, reset to defaults' }));
    await screen.findByText('Playbook defaults restored', { exact: false });
    expect(saves).toEqual([DEFAULT_SETTINGS]);
    expect(screen.getByLabelText('Green band minimum score')).toHaveValue(80);
    expect(screen.getByLabelText('Product adoption weight (%)')).toHaveValue(30);
    expect(screen.getByLabelText('Outcomes weight (%)')).toHaveValue(25);
  });

  it('shows why the background refused a save', async () => {
    const user = await renderPanel();
    callMock.mockImplementation((async (type: string) => {
      if (type === 'settings.get') return stored;
      throw new Error('Settings not saved: the store is read-only');
    }) as typeof call);
    await setValue(user, 'Trigger events count for (days)', '120');
    await user.click(save());
    expect(await screen.findByRole('alert')).toHaveTextContent('Settings not saved: the store is read-only');
    expect(screen.queryByText(/^Saved/)).not.toBeInTheDocument();
  });
});
