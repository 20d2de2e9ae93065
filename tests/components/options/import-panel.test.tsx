import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createQueryClient } from '@/components/data/GlanceQueryProvider';
import { ImportPanel } from '@/components/options/ImportPanel';
import { call } from '@/lib/messages/client';
import type { PayloadOf } from '@/lib/messages/protocol';

vi.mock('@/lib/messages/client', () => ({ call: vi.fn(), onDataChanged: () => () => {} }));
// happy-dom starts no workers: the options page's file session runs in place here (the browsers run the worker).
vi.mock('@/lib/import/worker-file-session', async () => ({
  workerFileSession: (await import('@/lib/import/file-session')).localFileSession,
}));

const callMock = vi.mocked(call);
let chunks: PayloadOf<'import.chunk'>[];

/** Answers like the background's import handlers, counting what it was sent. */
function backgroundAccepting() {
  chunks = [];
  callMock.mockImplementation((async (type: string, payload: unknown) => {
    if (type === 'import.begin') return { importId: 'import-1' };
    if (type === 'import.chunk') {
      chunks.push(payload as PayloadOf<'import.chunk'>);
      return { accepted: (payload as PayloadOf<'import.chunk'>).records.length, rejected: [] };
    }
    if (type === 'import.commit') {
      const accounts = chunks.reduce((n, c) => n + c.records.length, 0);
      return {
        done: true,
        written: accounts,
        total: accounts,
        kept: 0,
        counts: { accounts, contacts: 0, usage: 0, tickets: 0, commitments: 0, activities: 0 },
      };
    }
    return null;
  }) as typeof call);
}

beforeEach(() => {
  callMock.mockReset();
  backgroundAccepting();
});

async function importFileNamed(name: string, content: BlobPart) {
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={createQueryClient()}>
      <ImportPanel />
    </QueryClientProvider>,
  );
  await user.upload(screen.getByLabelText('Import'), new File([content], name));
  const status = screen.getByRole('status');
  await vi.waitFor(() => expect(status).toHaveAttribute('data-outcome'));
  return status;
}

describe('ImportPanel', () => {
  it('imports a CSV with a "Constructor" column and lets the user import again', async () => {
    const status = await importFileNamed('accounts.csv', 'Id,Name,Constructor\nacc-1,Acme,Bob\n');
    expect(status).toHaveAttribute('data-outcome', 'imported');
    expect(status).toHaveTextContent('Imported from accounts.csv: 1 account.');
    expect(screen.getByLabelText('Import')).toBeEnabled();
  });

  it('shows an outcome and enables Import again when the background fails in an unexpected way', async () => {
    callMock.mockImplementation((() => {
      throw new TypeError('sendMessage is not a function');
    }) as unknown as typeof call);
    const status = await importFileNamed(
      'book.json',
      JSON.stringify({ format: 'glance.bundle', version: 1, accounts: [{ id: 'a', name: 'A' }] }),
    );
    expect(status).toHaveAttribute('data-outcome', 'refused');
    expect(status).toHaveTextContent('book.json: Import failed: sendMessage is not a function. Nothing was changed.');
    expect(screen.getByLabelText('Import')).toBeEnabled();
    expect(screen.queryByText('Reading the file…')).not.toBeInTheDocument();
  });

  it('names repeated ids and says which copy was kept', async () => {
    const status = await importFileNamed('accounts.csv', 'Id,Name\nacme-1,Acme old\nbeta,Beta old\nacme-1,Acme\nbeta,Beta\ngamma,Gamma\n');
    expect(status).toHaveTextContent('Imported from accounts.csv: 3 accounts.');
    expect(status).toHaveTextContent(
      '2 duplicate account ids in the file: acme-1 (accounts[0], accounts[2]), beta (accounts[1], accounts[3]); the last one of each was kept.',
    );
    expect(chunks.flatMap((c) => c.records)).toEqual([
      { id: 'acme-1', name: 'Acme' },
      { id: 'beta', name: 'Beta' },
      { id: 'gamma', name: 'Gamma' },
    ]);
  });

  it('says "id" for a single repeated id', async () => {
    const status = await importFileNamed('accounts.csv', 'Id,Name\nacme-1,Acme old\nbeta,Beta\nacme-1,Acme\n');
    expect(status).toHaveTextContent(
      '1 duplicate account id in the file: acme-1 (accounts[0], accounts[2]); the last one of each was kept.',
    );
  });

  it('says when a CSV was read as Windows-1252', async () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('Id,Name\nacc-1,M'), 0xfc, ...new TextEncoder().encode('ller GmbH\n')]);
    const status = await importFileNamed('accounts.csv', bytes);
    expect(chunks[0].records).toEqual([{ id: 'acc-1', name: 'Müller GmbH' }]);
    expect(status).toHaveTextContent('read as Windows-1252');
  });

  it('names a record too deeply nested to send, and imports the others', async () => {
    let deep: unknown = 'end';
    for (let i = 0; i < 200; i++) deep = { x: deep };
    const text = JSON.stringify({
      format: 'glance.bundle',
      version: 1,
      accounts: [
        { id: 'a', name: 'A', x: deep },
        { id: 'b', name: 'B' },
      ],
    });
    const status = await importFileNamed('book.json', text);
    expect(status).toHaveTextContent('Imported from book.json: 1 account.');
    expect(status).toHaveTextContent('accounts[0] (a): x.x.x.x.x.x.x.x: nested more than 8 levels deep');
  });
});
