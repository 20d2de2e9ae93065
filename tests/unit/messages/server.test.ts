import type { Runtime } from 'webextension-polyfill';
import { describe, expect, it, vi } from 'vitest';
import { SidebarRegistry } from '../../../lib/access/sidebar-registry';
import { createMessageServer, type Handlers } from '../../../lib/messages/server';
import { createSidebarHandlers } from '../../../lib/service/sidebar';
import { memoryStorage } from '../service/harness';

const EXTENSION_ID = 'test-extension-id';
const ORIGIN = `chrome-extension://${EXTENSION_ID}`;
const GMAIL_TAB = { id: 4 } as Runtime.MessageSender['tab'];
const fromOptionsPage: Runtime.MessageSender = {
  id: EXTENSION_ID,
  url: `${ORIGIN}/options.html`,
  tab: { id: 9 } as Runtime.MessageSender['tab'],
  frameId: 0,
};
const fromPopup: Runtime.MessageSender = { id: EXTENSION_ID, url: `${ORIGIN}/popup.html` };
const fromContentScript: Runtime.MessageSender = {
  id: EXTENSION_ID,
  url: 'https://mail.google.com/mail/u/0/#inbox',
  tab: GMAIL_TAB,
  frameId: 0,
};
/** Chrome serves a use_dynamic_url resource from a per-session id that is not the extension's id. */
const fromSidebar: Runtime.MessageSender = {
  id: EXTENSION_ID,
  url: 'chrome-extension://a1b2c3dynamic/sidebar.html#nonce',
  tab: GMAIL_TAB,
  frameId: 7,
};
const request = (type: string, payload: unknown = {}, session?: string) => ({ glance: 'request', type, payload, session });

function server(handlers: Partial<Handlers>, onError = vi.fn()) {
  const sidebars = new SidebarRegistry(memoryStorage());
  const all = { ...createSidebarHandlers(sidebars), ...handlers } as Handlers;
  const listen = createMessageServer(all, {
    extensionId: EXTENSION_ID,
    isGlanceHost: (url) => url.hostname === 'mail.google.com',
    sidebars,
    onError,
  });
  /** What the content script and the sidebar it mounted do: register for the tab, then redeem once. */
  async function registerSidebar(sidebar: Runtime.MessageSender = fromSidebar) {
    const registered = await listen(request('sidebar.register'), fromContentScript);
    const token = registered?.ok ? (registered.data as { token: string }).token : '';
    const redeemed = await listen(request('sidebar.redeem', { token }), sidebar);
    return { token, session: redeemed?.ok ? (redeemed.data as { session: string }).session : undefined };
  }
  return { listen, onError, registerSidebar };
}

describe('createMessageServer', () => {
  it('ignores messages that are not Glance requests, leaving them to other listeners', () => {
    const summary = vi.fn();
    const { listen } = server({ 'store.summary': summary });
    for (const message of [
      null,
      'store.summary',
      { type: 'store.summary' },
      { glance: 'event', event: 'data-changed', topics: [] },
      { glance: 'tab', type: 'toggle-sidebar' },
    ]) {
      expect(listen(message, fromOptionsPage)).toBeUndefined();
    }
    expect(summary).not.toHaveBeenCalled();
  });

  it('refuses other extensions, and content scripts asking for data, without running the handler', async () => {
    const summary = vi.fn();
    const { listen } = server({ 'store.summary': summary });
    const refusal = async (sender: Runtime.MessageSender) => {
      const reply = await listen(request('store.summary'), sender);
      return reply && !reply.ok ? reply.error : 'answered';
    };
    expect(await refusal({ id: 'other-extension', url: 'chrome-extension://other-extension/page.html' })).toMatch(/^Refused/);
    // Our own content script: it runs inside the host page, so it may only register a sidebar.
    expect(await refusal(fromContentScript)).toBe('Refused: "store.summary" is not for the content script.');
    // A page claiming our origin from another extension id.
    expect(await refusal({ id: 'other-extension', url: `${ORIGIN}/options.html` })).toMatch(/^Refused/);
    expect(await refusal({ id: EXTENSION_ID })).toMatch(/^Refused/);
    // Our options page framed inside some other page.
    expect(await refusal({ ...fromOptionsPage, tab: GMAIL_TAB, frameId: 3 })).toBe('Refused: a Glance page inside another page.');
    expect(summary).not.toHaveBeenCalled();
  });

  it('rejects unknown request types, including names every object has', async () => {
    const { listen } = server({});
    expect(await listen(request('store.wipe'), fromOptionsPage)).toEqual({ ok: false, error: 'Unknown request "store.wipe".' });
    expect(await listen(request('toString'), fromOptionsPage)).toEqual({ ok: false, error: 'Unknown request "toString".' });
    expect(await listen(request('__proto__'), fromOptionsPage)).toEqual({ ok: false, error: 'Unknown request "__proto__".' });
  });

  it('rejects an invalid payload with an error naming the request and the field', async () => {
    const chunk = vi.fn();
    const { listen } = server({ 'import.chunk': chunk });
    const reply = await listen(
      request('import.chunk', { importId: 'import-1', type: 'accounts', offset: -1, records: [] }),
      fromOptionsPage,
    );
    expect(reply).toMatchObject({ ok: false });
    expect(reply && !reply.ok && reply.error).toMatch(/^Bad "import\.chunk" request: offset: .+/);
    const wrongType = await listen(
      request('import.chunk', { importId: 'import-1', type: 'leads', offset: 0, records: [] }),
      fromOptionsPage,
    );
    expect(wrongType && !wrongType.ok && wrongType.error).toMatch(/^Bad "import\.chunk" request: type: /);
    const badContext = await listen(request('page.match', { context: { host: 'gmail', kind: 'list' } }), fromPopup);
    expect(badContext && !badContext.ok && badContext.error).toMatch(/^Bad "page\.match" request: context/);
    expect(chunk).not.toHaveBeenCalled();
  });

  it('runs the handler with the checked payload and the caller, and wraps its answer', async () => {
    const choose = vi.fn(async () => null);
    const { listen, registerSidebar } = server({ 'match.choose': choose });
    const { session } = await registerSidebar();
    const reply = await listen(
      request('match.choose', { pageKey: 'gmail:thread:abc', accountId: 'acc-1', extra: 'dropped' }, session),
      fromSidebar,
    );
    expect(reply).toEqual({ ok: true, data: null });
    expect(choose).toHaveBeenCalledWith({ pageKey: 'gmail:thread:abc', accountId: 'acc-1' }, { role: 'sidebar', sender: fromSidebar });

    const { listen: listenBegin } = server({ 'import.begin': () => ({ importId: 'import-7' }) });
    expect(await listenBegin(request('import.begin', { name: 'book.json' }), fromOptionsPage)).toEqual({
      ok: true,
      data: { importId: 'import-7' },
    });
  });

  it('turns a thrown error into { ok: false, error } and reports it', async () => {
    const failure = new Error('No commitment "cm-9" in Glance.');
    const { listen, onError } = server({
      'commitment.setStatus': async () => {
        throw failure;
      },
      'import.begin': () => {
        throw 'staging full';
      },
    });
    expect(await listen(request('commitment.setStatus', { id: 'cm-9', status: 'done' }), fromPopup)).toEqual({
      ok: false,
      error: 'No commitment "cm-9" in Glance.',
    });
    expect(onError).toHaveBeenCalledWith('commitment.setStatus', failure);
    expect(await listen(request('import.begin', { name: 'x' }), fromOptionsPage)).toEqual({ ok: false, error: 'staging full' });
  });
});

describe('sidebars on host pages', () => {
  const view = vi.fn(async () => ({ id: 'acc-1' }) as never);
  const save = vi.fn(async () => ({ id: 'cm-1' }) as never);

  it('answer the sidebar Glance mounted once it has redeemed its tab token', async () => {
    const { listen, registerSidebar } = server({ 'account.view': view });
    const { session } = await registerSidebar();
    expect(session).toMatch(/^[0-9a-f]{48}$/);
    expect(await listen(request('account.view', { accountId: 'acc-1' }, session), fromSidebar)).toEqual({
      ok: true,
      data: { id: 'acc-1' },
    });
  });

  it('give a copy of sidebar.html that the page framed itself nothing: no token, a guessed one, or a key from elsewhere', async () => {
    view.mockClear();
    save.mockClear();
    const { listen, registerSidebar } = server({ 'account.view': view, 'commitment.save': save });
    const refused = { ok: false, error: 'Refused: this sidebar was not opened by Glance.' };
    const hostileCopy = { ...fromSidebar, frameId: 12 };
    const commitment = {
      id: 'cm-1',
      accountId: 'acc-1',
      text: 'Send the pricing',
      kind: 'commitment',
      owner: 'us',
      status: 'open',
      madeAt: '2026-11-01T09:00:00Z',
    };

    // Never registered.
    expect(await listen(request('account.view', { accountId: 'acc-1' }), hostileCopy)).toEqual(refused);
    expect(await listen(request('commitment.save', { commitment }), hostileCopy)).toEqual(refused);
    // A token of its own choosing.
    expect(await listen(request('sidebar.redeem', { token: 'f'.repeat(48) }), hostileCopy)).toEqual(refused);

    // The real sidebar registers; the copy can neither reuse its token nor its key from another frame.
    const { token, session } = await registerSidebar();
    expect(await listen(request('sidebar.redeem', { token }), hostileCopy)).toEqual(refused);
    expect(await listen(request('account.view', { accountId: 'acc-1' }, session), hostileCopy)).toEqual(refused);
    expect(
      await listen(request('account.view', { accountId: 'acc-1' }, session), {
        ...fromSidebar,
        tab: { id: 5 } as Runtime.MessageSender['tab'],
      }),
    ).toEqual(refused);
    expect(view).not.toHaveBeenCalled();
    expect(save).not.toHaveBeenCalled();
  });

  it("answer the sidebar page opened on its own in a tab (the briefing's Details links) without a token", async () => {
    view.mockClear();
    const { listen } = server({ 'account.view': view });
    const inItsOwnTab = {
      id: EXTENSION_ID,
      url: `${ORIGIN}/sidebar.html?account=acc-1#health`,
      tab: { id: 11 } as Runtime.MessageSender['tab'],
      frameId: 0,
    };
    expect(await listen(request('account.view', { accountId: 'acc-1' }), inItsOwnTab)).toEqual({ ok: true, data: { id: 'acc-1' } });
    // Still a sidebar: no import, export or settings writes.
    expect(await listen(request('export.begin'), inItsOwnTab)).toMatchObject({ ok: false });
  });

  it("answer the browser's side panel, which no page can frame, as a sidebar: matching yes, export and settings no", async () => {
    view.mockClear();
    const { listen } = server({ 'account.view': view });
    // Chrome's side panel and Firefox's sidebar_action are extension pages in no tab.
    const sidePanel = { id: EXTENSION_ID, url: `${ORIGIN}/sidepanel.html` };
    expect(await listen(request('account.view', { accountId: 'acc-1' }), sidePanel)).toEqual({ ok: true, data: { id: 'acc-1' } });
    for (const type of ['export.begin', 'sample.load', 'settings.save', 'sidebar.register']) {
      expect(await listen(request(type), sidePanel), type).toMatchObject({ ok: false, error: expect.stringMatching(/^Refused: /) });
    }
  });

  it('answer the page in view and the profile with the session when the sidebar redeems, and nothing to a refused redeem', async () => {
    const sidebars = new SidebarRegistry(memoryStorage());
    const match = vi.fn(async () => ({ match: { status: 'matched' as const, accountId: 'acc-1', via: 'domain' as const } }));
    const profile = vi.fn(async () => ({ ownDomains: ['northpeak.io'], theme: 'dark' as const }));
    const listen = createMessageServer(
      createSidebarHandlers(sidebars, match as unknown as Handlers['page.match'], profile) as unknown as Handlers,
      {
        extensionId: EXTENSION_ID,
        isGlanceHost: (url) => url.hostname === 'mail.google.com',
        sidebars,
      },
    );
    const context = { host: 'gmail', kind: 'list', url: 'https://mail.google.com/mail/u/0/#inbox' };
    const hostileCopy = { ...fromSidebar, frameId: 12 };
    expect(await listen(request('sidebar.redeem', { token: 'f'.repeat(48), context }), hostileCopy)).toMatchObject({ ok: false });
    const registered = await listen(request('sidebar.register'), fromContentScript);
    const { token } = (registered as { data: { token: string } }).data;
    expect(
      await listen(request('sidebar.redeem', { token, context }), { ...fromSidebar, tab: { id: 5 } as Runtime.MessageSender['tab'] }),
    ).toMatchObject({
      ok: false,
    });
    expect(match).not.toHaveBeenCalled();
    expect(profile).not.toHaveBeenCalled();

    // The page comes back as checked here (what the schema does not know is left out), for the sidebar to draw.
    const redeemed = await listen(request('sidebar.redeem', { token, context: { ...context, injected: '<img>' } }), fromSidebar);
    expect((redeemed as { data: { context: unknown } }).data.context).toEqual(context);
    expect(redeemed).toMatchObject({
      ok: true,
      data: {
        session: expect.any(String),
        match: { match: { status: 'matched', accountId: 'acc-1' } },
        profile: { ownDomains: ['northpeak.io'], theme: 'dark' },
      },
    });
    expect(match).toHaveBeenCalledWith({ context }, expect.objectContaining({ role: 'sidebar' }));
    // A context that is not a page context is refused before anything is redeemed.
    expect(await listen(request('sidebar.redeem', { token, context: { host: 'evil' } }), fromSidebar)).toMatchObject({ ok: false });
  });

  it('match the page the content script registers with while the frame loads, and give it only to the redeem of that page', async () => {
    const sidebars = new SidebarRegistry(memoryStorage());
    let matched = 0;
    const match = vi.fn(async () => ({ match: { status: 'matched' as const, accountId: `acc-${++matched}`, via: 'domain' as const } }));
    const sidebar = createSidebarHandlers(sidebars, match as unknown as Handlers['page.match'], async () => ({ ownDomains: [] }));
    const listen = createMessageServer(sidebar as unknown as Handlers, {
      extensionId: EXTENSION_ID,
      isGlanceHost: (url) => url.hostname === 'mail.google.com',
      sidebars,
    });
    const context = { host: 'gmail', kind: 'list', url: 'https://mail.google.com/mail/u/0/#inbox' };
    const tokenOf = (reply: unknown) => (reply as { data: { token: string } }).data.token;
    // The register answers the token alone: what it matched waits for the frame that redeems it.
    const registered = await listen(request('sidebar.register', { context }), fromContentScript);
    expect(registered).toEqual({ ok: true, data: { token: expect.any(String) } });
    expect(match).toHaveBeenCalledTimes(1);
    expect(await listen(request('sidebar.redeem', { token: 'f'.repeat(48), context }), { ...fromSidebar, frameId: 12 })).toMatchObject({
      ok: false,
    });
    const redeemed = await listen(request('sidebar.redeem', { token: tokenOf(registered), context }), fromSidebar);
    expect(redeemed).toMatchObject({ ok: true, data: { match: { match: { accountId: 'acc-1' } }, context } });
    expect(match).toHaveBeenCalledTimes(1);

    // Another page than the one registered is matched afresh; so is the same page after a write.
    const other = { ...context, url: 'https://mail.google.com/mail/u/0/#sent' };
    const again = await listen(request('sidebar.register', { context }), fromContentScript);
    expect(await listen(request('sidebar.redeem', { token: tokenOf(again), context: other }), fromSidebar)).toMatchObject({
      data: { match: { match: { accountId: 'acc-3' } }, context: other },
    });
    const afterWrite = await listen(request('sidebar.register', { context }), fromContentScript);
    sidebar.invalidate();
    expect(await listen(request('sidebar.redeem', { token: tokenOf(afterWrite), context }), fromSidebar)).toMatchObject({
      data: { match: { match: { accountId: 'acc-5' } } },
    });
  });

  it('redeem a token once, for the tab it was issued to', async () => {
    const { listen } = server({});
    const registered = await listen(request('sidebar.register'), fromContentScript);
    const { token } = (registered as { data: { token: string } }).data;
    const inAnotherTab = await listen(request('sidebar.redeem', { token }), {
      ...fromSidebar,
      tab: { id: 5 } as Runtime.MessageSender['tab'],
    });
    expect(inAnotherTab).toMatchObject({ ok: false });
    expect(await listen(request('sidebar.redeem', { token }), fromSidebar)).toMatchObject({ ok: true });
    expect(await listen(request('sidebar.redeem', { token }), fromSidebar)).toMatchObject({
      ok: false,
      error: 'Refused: this sidebar was not opened by Glance.',
    });
  });

  it('end a sidebar when a new page load in its tab registers another', async () => {
    const { listen, registerSidebar } = server({ 'account.view': view });
    const first = await registerSidebar();
    const second = await registerSidebar({ ...fromSidebar, frameId: 8 });
    expect(await listen(request('account.view', { accountId: 'acc-1' }, first.session), fromSidebar)).toMatchObject({ ok: false });
    expect(await listen(request('account.view', { accountId: 'acc-1' }, second.session), { ...fromSidebar, frameId: 8 })).toMatchObject({
      ok: true,
    });
  });

  it('keep a registered sidebar to the sidebar requests: no import, export, sample or settings writes', async () => {
    const { listen, registerSidebar } = server({});
    const { session } = await registerSidebar();
    for (const [type, payload] of [
      ['import.begin', { name: 'x.json' }],
      ['export.begin', {}],
      ['import.commit', { importId: 'import-1' }],
      ['sample.load', {}],
      ['sample.remove', {}],
      ['settings.save', { settings: {} }],
      ['profile.save', { profile: {} }],
      ['reminders.save', { settings: { enabled: false, leadMinutes: 10 } }],
      ['sidebar.register', {}],
    ] as const) {
      const reply = await listen(request(type, payload, session), fromSidebar);
      expect(reply, type).toEqual({ ok: false, error: `Refused: "${type}" is not for the sidebar.` });
    }
  });

  it('take registrations only from a content script in the top frame of a host Glance reads', async () => {
    const { listen } = server({});
    const ask = (sender: Runtime.MessageSender) => listen(request('sidebar.register'), sender);
    expect(await ask({ ...fromContentScript, url: 'https://evil.example/' })).toMatchObject({ ok: false });
    expect(await ask({ ...fromContentScript, frameId: 2 })).toMatchObject({ ok: false });
    expect(await ask(fromOptionsPage)).toMatchObject({ ok: false, error: 'Refused: "sidebar.register" is not for the page.' });
    expect(await ask(fromContentScript)).toMatchObject({ ok: true });
  });
});
