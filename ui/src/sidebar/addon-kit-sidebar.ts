import { css, html, LitElement, nothing } from 'lit';
import { AddonApi } from '../core/addon-api.js';
import type { UserClaims } from '../core/claims.js';
import { FrameToken } from '../core/frame-token.js';
import { BACKGROUND, themeStyles } from '../core/theme.js';
import { readHashRoute, writeHashRoute } from './hash-route.js';
import { type Language, type MessageKey, message, pickLanguage } from './messages.js';

const TOOL_ELEMENTS: Record<string, string> = {
  explorer: 'addon-kit-api-explorer',
  bootstrap: 'addon-kit-bootstrap',
  webhooks: 'addon-kit-webhooks',
};

type ToolElement = HTMLElement & { api?: AddonApi; theme?: string; route?: string; claims?: UserClaims };

/**
 * The page Clockify shows in its sidebar iframe: reads the user token from the URL (refreshing it before it expires),
 * follows its theme and language, says who and which workspace it is for, and hosts the tools as tabs whose place is
 * kept in the URL hash. A missing or expired token gets a screen that says what to do instead of failing calls.
 */
export class AddonKitSidebar extends LitElement {
  static override properties = {
    baseUrl: { attribute: 'base-url' },
    tools: {},
    label: {},
    theme: { reflect: true },
    tokenState: { state: true },
    hashRoute: { state: true },
  };

  static override styles = [
    themeStyles,
    css`
      :host {
        min-height: 100vh;
      }
      header {
        padding: 8px 12px;
        border-bottom: 1px solid var(--addon-border);
        display: flex;
        flex-wrap: wrap;
        gap: 4px 12px;
        align-items: baseline;
      }
      h1 {
        font-size: 16px;
        margin: 0;
      }
      [role='tablist'] {
        display: flex;
        gap: 2px;
        padding: 0 8px;
        border-bottom: 1px solid var(--addon-border);
      }
      [role='tab'] {
        border: none;
        border-bottom: 3px solid transparent;
        border-radius: 0;
        background: none;
        padding: 8px 10px;
      }
      [role='tab'][aria-selected='true'] {
        border-bottom-color: var(--addon-accent);
        font-weight: 600;
      }
      [role='tabpanel'] {
        padding: 12px;
      }
      .screen {
        padding: 32px 16px;
        max-width: 32em;
      }
    `,
  ];

  declare baseUrl: string;
  /** Space-separated tools to show, in order (the add-on's page lists the enabled plugins). */
  declare tools: string;
  declare label: string;
  declare theme: string;
  declare tokenState: string;
  declare hashRoute: { tool: string; rest: string };

  #token: FrameToken | undefined;
  #api: AddonApi | undefined;
  #language: Language = 'en';
  readonly #toolElements = new Map<string, ToolElement>();

  constructor() {
    super();
    this.baseUrl = '';
    this.tools = 'explorer bootstrap webhooks';
    this.label = 'Add-on';
    this.theme = 'light';
    this.tokenState = 'missing';
    this.hashRoute = { tool: '', rest: '' };
  }

  get #toolList(): string[] {
    return this.tools.split(/\s+/).filter((tool) => tool in TOOL_ELEMENTS);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const inFrame = window.parent !== window;
    this.#token = new FrameToken({ host: inFrame ? window.parent : undefined, messages: window });
    this.#token.addEventListener('change', this.#onToken);
    this.#api = new AddonApi({ baseUrl: this.baseUrl, token: this.#token.provider });
    this.#onToken();
    window.addEventListener('hashchange', this.#onHash);
    this.#onHash();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#token?.dispose();
    window.removeEventListener('hashchange', this.#onHash);
  }

  readonly #onToken = (): void => {
    const token = this.#token!;
    this.tokenState = token.state;
    const claims = token.claims;
    this.theme = claims?.theme === 'DARK' ? 'dark' : 'light';
    this.#language = pickLanguage(claims?.language);
    document.documentElement.lang = this.#language;
    document.documentElement.style.colorScheme = this.theme;
    // Set through the CSSOM: the page's CSP refuses inline <style>.
    document.body.style.margin = '0';
    document.body.style.background = this.theme === 'dark' ? BACKGROUND.dark : BACKGROUND.light;
  };

  readonly #onHash = (): void => {
    this.hashRoute = readHashRoute(location.hash, this.#toolList);
  };

  #select(tool: string, focus = false): void {
    location.hash = writeHashRoute({ tool, rest: '' });
    if (focus) this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tool}`)?.focus());
  }

  #onTabKey(event: KeyboardEvent): void {
    const tools = this.#toolList;
    const index = tools.indexOf(this.hashRoute.tool);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tools.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.#select(tools[(next + tools.length) % tools.length]!, true);
  }

  #onToolRoute(event: CustomEvent<{ route: string }>): void {
    const route = { tool: this.hashRoute.tool, rest: event.detail.route };
    const hash = writeHashRoute(route);
    if (hash !== location.hash) history.replaceState(null, '', hash);
    // Kept here too, or the next render would hand the tool its old place back.
    this.hashRoute = route;
  }

  #t(key: MessageKey, values?: Record<string, string>): string {
    return message(this.#language, key, values);
  }

  override render() {
    if (this.tokenState !== 'valid') return this.#renderScreen(this.tokenState === 'expired' ? 'expired' : 'missing');
    const claims = this.#token!.claims!;
    const tools = this.#toolList;
    const { tool, rest } = this.hashRoute;
    return html`
      <header>
        <h1>${this.label}</h1>
        <span class="muted" data-viewer
          >${this.#t('viewer', { user: claims.userId, workspace: claims.workspaceId })}${claims.workspaceRole ? ` · ${claims.workspaceRole}` : ''}</span
        >
      </header>
      <nav role="tablist" aria-label=${this.#t('tools')} @keydown=${this.#onTabKey}>
        ${tools.map(
          (name) => html`<button
            role="tab"
            id="tab-${name}"
            aria-controls="panel"
            aria-selected=${name === tool ? 'true' : 'false'}
            tabindex=${name === tool ? 0 : -1}
            @click=${() => this.#select(name)}
          >
            ${this.#t(name as MessageKey)}
          </button>`,
        )}
      </nav>
      <section role="tabpanel" id="panel" aria-labelledby="tab-${tool}" @addon-route=${this.#onToolRoute}>
        ${tool ? this.#renderTool(tool, rest) : nothing}
      </section>
    `;
  }

  #renderTool(tool: string, rest: string) {
    // One element per tool, made on first view and kept, so a tool keeps its state across tabs.
    let element = this.#toolElements.get(tool);
    if (!element) {
      element = document.createElement(TOOL_ELEMENTS[tool]!) as ToolElement;
      // The page names the admin APIs' paths (`bootstrap-path`, `webhooks-path`, `health-path`): the tools take them.
      for (const { name, value } of this.attributes) if (name.endsWith('-path')) element.setAttribute(name, value);
      this.#toolElements.set(tool, element);
    }
    element.api = this.#api;
    element.theme = this.theme;
    element.claims = this.#token?.claims;
    if (element.route !== rest) element.route = rest;
    return element;
  }

  #renderScreen(kind: 'missing' | 'expired') {
    const title = this.#t(kind === 'expired' ? 'expiredTitle' : 'missingTitle');
    return html`<main class="screen" role="alert" data-screen=${kind}>
      <h1>${title}</h1>
      <p>${this.#t(kind === 'expired' ? 'expiredBody' : 'missingBody')}</p>
      ${kind === 'expired' ? html`<button class="primary" @click=${() => location.reload()}>${this.#t('reload')}</button>` : nothing}
    </main>`;
  }
}
