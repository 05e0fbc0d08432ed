import type { Language } from '@regiokit/core';
import { html } from 'hono/html';
import { csrfField, renderErrorSummary, renderTextField, renderTopicChoices } from './form-parts';
import { type Html, renderLayout } from './layout';
import type { PageContext } from './page-context';

/** What the preference centre shows. */
export interface PreferencesPageModel {
  readonly email: string;
  readonly active: boolean;
  readonly saved: boolean;
  readonly action: string;
  readonly leaveAction: string;
  readonly csrfToken: string;
  readonly leaveCsrfToken: string;
  readonly topics: readonly { id: string; name: string }[];
  readonly values: {
    readonly firstName?: string;
    readonly lastName?: string;
    readonly language: Language;
    readonly topics: readonly string[];
  };
  readonly errors: ReadonlyMap<string, string>;
  readonly signUpUrl: string;
}

/** The preference centre: topics on or off, name, language, and unsubscribe from everything. */
export function renderPreferencesPage(ctx: PageContext, model: PreferencesPageModel): Html {
  const { m } = ctx;
  const { values, errors } = model;
  const languages: readonly [Language, string][] = [
    ['de', 'Deutsch'],
    ['en', 'English'],
  ];
  return renderLayout(ctx, {
    title: m.preferences.title,
    noindex: true,
    body: html`<h1>${m.preferences.title}</h1>
<p>${m.preferences.intro(model.email)}</p>
${model.saved ? html`<p class="notice" role="status">${m.preferences.saved}</p>` : ''}
${model.active ? '' : html`<p class="notice">${m.preferences.inactive} <a href="${model.signUpUrl}">${m.archive.subscribe}</a></p>`}
${renderErrorSummary(ctx, errors)}
<form id="form" method="post" action="${model.action}" novalidate>
${csrfField(model.csrfToken)}
${model.topics.length === 0 ? html`<p>${m.preferences.noTopics}</p>` : renderTopicChoices(ctx, model.topics, new Set(values.topics), errors.get('topics'))}
${renderTextField(ctx, { name: 'firstName', label: m.fields.firstName, type: 'text', value: values.firstName, error: errors.get('firstName'), autocomplete: 'given-name', maxLength: 100, required: false })}
${renderTextField(ctx, { name: 'lastName', label: m.fields.lastName, type: 'text', value: values.lastName, error: errors.get('lastName'), autocomplete: 'family-name', maxLength: 100, required: false })}
<fieldset id="language">
<legend>${m.fields.language}</legend>
${languages.map(
  ([code, name]) =>
    html`<div class="choice"><input type="radio" id="language-${code}" name="language" value="${code}"${values.language === code ? html` checked` : ''}><label for="language-${code}" lang="${code}">${name}</label></div>`,
)}
</fieldset>
<button type="submit">${m.preferences.save}</button>
</form>
${
  model.active
    ? html`<h2>${m.preferences.leaveTitle}</h2>
<p>${m.preferences.leaveText}</p>
<form method="post" action="${model.leaveAction}">
${csrfField(model.leaveCsrfToken)}
<button type="submit" class="secondary">${m.preferences.leaveButton}</button>
</form>`
    : ''
}`,
  });
}
