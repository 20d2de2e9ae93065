import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReminderSettings } from '@/components/briefing/ReminderSettings';
import { answer, backend, renderWithClient } from './setup';

const call = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messages/client', () => ({ call }));

describe('ReminderSettings', () => {
  it('shows ten minutes by default, and saves another lead time or off', async () => {
    const user = userEvent.setup();
    call.mockReset().mockImplementation(answer(backend()));
    renderWithClient(<ReminderSettings />);
    const select = await screen.findByRole('combobox', { name: 'Meeting reminders' });
    expect(select).toHaveValue('10');
    await user.selectOptions(select, '30 minutes before');
    await waitFor(() => expect(call).toHaveBeenCalledWith('reminders.save', { settings: { enabled: true, leadMinutes: 30 } }));
    await waitFor(() => expect(select).toHaveValue('30'));
    await user.selectOptions(select, 'Off');
    await waitFor(() => expect(call).toHaveBeenCalledWith('reminders.save', { settings: { enabled: false, leadMinutes: 30 } }));
    await waitFor(() => expect(select).toHaveValue('off'));
  });

  it('keeps a lead time set elsewhere among the choices', async () => {
    call.mockReset().mockImplementation(answer(backend({ reminders: { enabled: true, leadMinutes: 45 } })));
    renderWithClient(<ReminderSettings />);
    expect(await screen.findByRole('combobox', { name: 'Meeting reminders' })).toHaveValue('45');
  });
});
