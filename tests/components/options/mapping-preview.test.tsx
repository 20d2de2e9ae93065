import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createQueryClient } from '@/components/data/GlanceQueryProvider';
import { ImportPanel } from '@/components/options/ImportPanel';
import { call } from '@/lib/messages/client';
import type { PayloadOf } from '@/lib/messages/protocol';

vi.mock('@/lib/messages/client', () => ({ call: vi.fn(), onDataChanged: () => () => {}, onImportProgress: () => () => {} }));
// happy-dom starts no workers: the options page's file session runs in place here (the browsers run the worker).
vi.mock('@/lib/import/worker-file-session', async () => ({
  workerFileSession: (await import('@/lib/import/file-session')).localFileSession,
}));

const callMock = vi.mocked(call);
const unknownLayout = readFileSync(join(__dirname, '../../fixtures/exports/unknown-layout.csv'), 'utf8');
let sent: Array<{ type: string; payload: unknown }>;

beforeEach(() => {
  sent = [];
  callMock.mockReset();
  callMock.mockImplementation((async (type: string, payload: unknown) => {
    sent.push({ type, payload });
    if (type === 'import.mapping.get') return null;
    if (type === 'import.begin') return { importId: 'import-1' };
    if (type === 'import.chunk') return { accepted: (payload as PayloadOf<'import.chunk'>).records.length, rejected: [] };
    if (type === 'import.commit')
      return {
        done: true,
        written: 6,
        total: 6,
        kept: 0,
        counts: { accounts: 6, contacts: 0, usage: 0, tickets: 0, commitments: 0, activities: 0 },
      };
    return null;
  }) as typeof call);
});

async function chooseUnknownFile() {
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={createQueryClient()}>
      <ImportPanel />
    </QueryClientProvider>,
  );
  await user.upload(screen.getByLabelText('Import'), new File([unknownLayout], 'book.csv'));
  return { user, table: await screen.findByRole('table', { name: 'Column mapping' }) };
}

describe('column mapping preview', () => {
  it('shows each column with its proposed field and sample values, and writes nothing yet', async () => {
    const { table } = await chooseUnknownFile();
    expect(within(table).getByRole('combobox', { name: 'Customer' })).toHaveDisplayValue('Account: name');
    expect(within(table).getByRole('combobox', { name: 'Contract value' })).toHaveDisplayValue('Account: ARR');
    expect(within(table).getByRole('combobox', { name: 'Site' })).toHaveDisplayValue('Leave out');
    expect(within(table).getByRole('row', { name: /Customer/ })).toHaveTextContent('Acme Corporation · Globex · Initech');
    expect(screen.getByText('Left out: Site, Notes.')).toBeInTheDocument();
    expect(sent.map((s) => s.type)).toEqual(['import.mapping.get']);
  });

  it('imports with the mapping the user changed, and remembers it', async () => {
    const { user, table } = await chooseUnknownFile();
    await user.selectOptions(within(table).getByRole('combobox', { name: 'Site' }), 'Account: website or domain');
    expect(screen.getByText('Left out: Notes.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Import with this mapping' }));

    const status = screen.getByRole('status');
    await vi.waitFor(() => expect(status).toHaveAttribute('data-outcome', 'imported'));
    expect(status).toHaveTextContent('Imported from book.csv: 6 accounts.');
    expect(screen.queryByRole('table', { name: 'Column mapping' })).not.toBeInTheDocument();
    const saved = sent.find((s) => s.type === 'import.mapping.save')?.payload as PayloadOf<'import.mapping.save'>;
    expect(saved.choices).toEqual(['account.name', 'account.website', 'account.arr', 'account.renewalDate', 'account.tier', 'ignore']);
    const records = sent.filter((s) => s.type === 'import.chunk').flatMap((s) => (s.payload as PayloadOf<'import.chunk'>).records);
    expect(records[0]).toMatchObject({ id: 'domain-acme.com', name: 'Acme Corporation', domains: ['acme.com'] });
  });

  it('cannot be confirmed without an account column, and cancelling writes nothing', async () => {
    const { user, table } = await chooseUnknownFile();
    await user.selectOptions(within(table).getByRole('combobox', { name: 'Customer' }), 'Leave out');
    expect(screen.getByRole('button', { name: 'Import with this mapping' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    const status = screen.getByRole('status');
    await vi.waitFor(() => expect(status).toHaveAttribute('data-outcome', 'refused'));
    expect(status).toHaveTextContent('The column mapping was not confirmed. Nothing was imported.');
    expect(sent.map((s) => s.type)).toEqual(['import.mapping.get']);
  });
});

describe('an import that stores nothing', () => {
  it('is a failure, with the reasons, not "Imported"', async () => {
    callMock.mockImplementation((async (type: string, payload: unknown) => {
      if (type === 'import.begin') return { importId: 'import-1' };
      if (type === 'import.chunk') {
        const { records, offset, type: t } = payload as PayloadOf<'import.chunk'>;
        return {
          accepted: 0,
          rejected: records.map((_, i) => ({ path: `${t}[${offset + i}]`, reason: 'id: required (expected a string)' })),
        };
      }
      return null;
    }) as typeof call);
    const user = userEvent.setup();
    render(
      <QueryClientProvider client={createQueryClient()}>
        <ImportPanel />
      </QueryClientProvider>,
    );
    await user.upload(screen.getByLabelText('Import'), new File(['Record ID,Company name\n1,Acme\n2,Globex\n'], 'companies.csv'));
    const status = screen.getByRole('status');
    await vi.waitFor(() => expect(status).toHaveAttribute('data-outcome', 'failed'));
    expect(status).toHaveTextContent('companies.csv: Nothing was imported: all 2 records were rejected.');
    expect(status).toHaveTextContent('accounts[1]: id: required');
    expect(status).not.toHaveTextContent('Imported from');
    expect(callMock).not.toHaveBeenCalledWith('import.commit', expect.anything());
  });
});
