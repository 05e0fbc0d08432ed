import { html } from 'hono/html';
import { CSRF_FIELD } from '../security/csrf';
import type { Html } from './layout';
import type { PageContext } from './page-context';

/** The hidden CSRF field of a form. */
export function csrfField(token: string): Html {
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${token}">`;
}

/** A list of the problems above a form, each linking to its field. */
export function renderErrorSummary(ctx: PageContext, errors: ReadonlyMap<string, string>): Html | string {
  if (errors.size === 0) return '';
  return html`<div class="error-summary" role="alert">
<h2>${ctx.m.errorSummary}</h2>
<ul>${[...errors].map(([field, message]) => html`<li><a href="#${fieldId(field)}">${message}</a></li>`)}</ul>
</div>`;
}

/** The id of a field's input (unknown fields point at the form). */
export function fieldId(field: string): string {
  return /^[A-Za-z][A-Za-z0-9]*$/.test(field) ? field : 'form';
}

/** A one-line text or e-mail input with label, optional hint and error. */
export function renderTextField(
  ctx: PageContext,
  options: {
    name: string;
    label: string;
    type: 'text' | 'email';
    value: string | undefined;
    error: string | undefined;
    autocomplete: string;
    maxLength: number;
    required: boolean;
  },
): Html {
  const { name, error } = options;
  return html`<div class="field">
<label for="${name}">${options.label}${options.required ? '' : html` <span class="hint">(${ctx.m.optional})</span>`}</label>
${error === undefined ? '' : html`<p class="error" id="${name}-error">${error}</p>`}
<input type="${options.type}" id="${name}" name="${name}" autocomplete="${options.autocomplete}" maxlength="${options.maxLength}"${options.required ? html` required` : ''}${error === undefined ? '' : html` aria-invalid="true" aria-describedby="${name}-error"`} value="${options.value ?? ''}">
</div>`;
}

/** Checkboxes for topics, inside a fieldset with legend and hint. */
export function renderTopicChoices(
  ctx: PageContext,
  topics: readonly { id: string; name: string }[],
  chosen: ReadonlySet<string>,
  error: string | undefined,
): Html | string {
  if (topics.length === 0) return '';
  return html`<fieldset id="topics"${error === undefined ? '' : html` aria-describedby="topics-error"`}>
<legend>${ctx.m.fields.topics}</legend>
<p class="hint">${ctx.m.fields.topicsHint}</p>
${error === undefined ? '' : html`<p class="error" id="topics-error">${error}</p>`}
${topics.map(
  (t) =>
    html`<div class="choice"><input type="checkbox" id="topic-${t.id}" name="topics" value="${t.id}"${chosen.has(t.id) ? html` checked` : ''}><label for="topic-${t.id}">${t.name}</label></div>`,
)}
</fieldset>`;
}
