import { html, nothing } from 'lit';
import { ApiError } from '../core/addon-api.js';
import { AddonElement } from '../core/addon-element.js';
import { themeStyles } from '../core/theme.js';
import { createExplorerApi } from './explorer-api.js';
import { explorerStyles } from './explorer-styles.js';
import type { Preset, PresetInput } from './types.js';

/** The current form as a preset (all but its name), or why there is none to save. */
export type PresetDraft = Omit<PresetInput, 'name'> | string;

const MAX_NAME = 100;

/**
 * The workspace's saved presets: save the open form under a name, and load, run or delete one. Loading and running
 * are the host's (it owns the form): the element only says which preset.
 *
 * @fires load-preset - `{ preset }`
 * @fires run-preset - `{ preset }`
 */
export class AddonKitExplorerPresets extends AddonElement {
  static override properties = {
    // Lit merges a superclass's declarations by itself; the spread keeps the static side's type compatible.
    ...AddonElement.properties,
    draft: { attribute: false },
    presets: { state: true },
    name: { state: true },
    nameError: { state: true },
    note: { state: true },
  };

  static override styles = [themeStyles, explorerStyles];

  /** Reads the open form when "Save preset" is pressed. */
  declare draft: (() => PresetDraft) | undefined;
  declare presets: Preset[] | undefined;
  declare name: string;
  declare nameError: string;
  declare note: string;

  constructor() {
    super();
    this.name = '';
    this.nameError = '';
    this.note = '';
  }

  get #api() {
    return createExplorerApi(this.client);
  }

  override firstUpdated(): void {
    void this.refresh();
  }

  async refresh(): Promise<void> {
    try {
      this.presets = await this.#api.presets();
    } catch (error) {
      this.note = (error as ApiError).message;
    }
  }

  async #save(event: Event): Promise<void> {
    event.preventDefault();
    const name = this.name.trim();
    this.note = '';
    this.nameError = name === '' || name.length > MAX_NAME ? `Give the preset a name of 1 to ${MAX_NAME} characters.` : '';
    if (this.nameError) return;
    const draft = this.draft?.() ?? 'Open an operation first.';
    if (typeof draft === 'string') {
      this.note = draft;
      return;
    }
    try {
      const preset = await this.#api.savePreset({ name, ...draft });
      this.name = '';
      this.note = `Saved preset ${preset.name}.`;
      await this.refresh();
    } catch (error) {
      const apiError = error as ApiError;
      if (apiError instanceof ApiError && apiError.code === 'PRESET_NAME_TAKEN') this.nameError = apiError.message;
      else this.note = apiError.message;
    }
  }

  async #delete(preset: Preset): Promise<void> {
    try {
      await this.#api.deletePreset(preset.id);
      this.note = `Deleted preset ${preset.name}.`;
      await this.refresh();
    } catch (error) {
      this.note = (error as ApiError).message;
    }
  }

  #fire(type: 'load-preset' | 'run-preset', preset: Preset): void {
    this.dispatchEvent(new CustomEvent(type, { detail: { preset } }));
  }

  override render() {
    return html`<section aria-labelledby="presets-heading">
      <h2 id="presets-heading">Presets</h2>
      <form class="actions" @submit=${this.#save}>
        <label for="preset-name">Preset name</label>
        <input
          id="preset-name"
          autocomplete="off"
          maxlength=${MAX_NAME}
          aria-invalid=${this.nameError ? 'true' : 'false'}
          aria-describedby="preset-name-msg"
          .value=${this.name}
          @input=${(event: Event) => (this.name = (event.target as HTMLInputElement).value)}
        />
        <button type="submit">Save preset</button>
      </form>
      <p id="preset-name-msg" class="message error">${this.nameError}</p>
      <p role="status" class="muted">${this.note}</p>
      ${this.presets?.length === 0 ? html`<p class="muted">No presets yet: fill in a form and save it under a name.</p>` : nothing}
      <ul aria-label="Saved presets">
        ${(this.presets ?? []).map(
          (preset) => html`<li class="row">
            <span class="grow"><strong>${preset.name}</strong> <span class="muted">${preset.operationId}</span></span>
            <button type="button" aria-label="Load preset ${preset.name}" @click=${() => this.#fire('load-preset', preset)}>Load</button>
            <button type="button" aria-label="Run preset ${preset.name}" @click=${() => this.#fire('run-preset', preset)}>Run</button>
            <button type="button" class="danger" aria-label="Delete preset ${preset.name}" @click=${() => this.#delete(preset)}>Delete</button>
          </li>`,
        )}
      </ul>
    </section>`;
  }
}
