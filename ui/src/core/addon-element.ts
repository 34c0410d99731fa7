import { LitElement } from 'lit';
import { AddonApi, type TokenProvider } from './addon-api.js';
import type { UserClaims } from './claims.js';

/**
 * Base of every tool component. Inside the sidebar the shell hands over its `api`; embedded elsewhere, a page sets
 * the `base-url` attribute (the add-on's URL) and a `tokenProvider` property (a function returning the user token),
 * and the element makes its own client. `theme` (`light` or `dark`) and `lang` are plain attributes.
 */
export class AddonElement extends LitElement {
  static override properties = {
    baseUrl: { attribute: 'base-url' },
    theme: { reflect: true },
    tokenProvider: { attribute: false },
    api: { attribute: false },
    route: {},
    claims: { attribute: false },
  };

  declare baseUrl: string;
  declare theme: string;
  declare tokenProvider: TokenProvider | undefined;
  declare api: AddonApi | undefined;
  /** The tool's own place (e.g. an operation id), kept by the sidebar in the URL hash; set it with navigate(). */
  declare route: string;
  /** The viewer's token claims when the host knows them (the sidebar does): lets a tool tell a non-admin up front. */
  declare claims: UserClaims | undefined;
  #ownApi: AddonApi | undefined;

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('baseUrl')) this.#ownApi = undefined;
  }

  constructor() {
    super();
    this.baseUrl = '';
    this.theme = 'light';
    this.route = '';
  }

  /** Moves to another place within the tool and tells the host (the sidebar writes it to the URL hash). */
  protected navigate(route: string): void {
    this.route = route;
    this.dispatchEvent(new CustomEvent('addon-route', { detail: { route }, bubbles: true, composed: true }));
  }

  /** The client to use: the one handed over, else one built from `base-url` and `tokenProvider`. */
  protected get client(): AddonApi {
    if (this.api) return this.api;
    this.#ownApi ??= new AddonApi({ baseUrl: this.baseUrl, token: () => this.tokenProvider?.() });
    return this.#ownApi;
  }

  /** The page language for Intl formatting: the element's or an ancestor's `lang`, else the browser's. */
  protected get locale(): string {
    return this.closest('[lang]')?.getAttribute('lang') || navigator.language || 'en';
  }
}
