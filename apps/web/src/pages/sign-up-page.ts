import { html } from 'hono/html';
import { csrfField, renderErrorSummary, renderTextField, renderTopicChoices } from './form-parts';
import { type Html, renderLayout } from './layout';
import type { PageContext } from './page-context';

/** What the sign-up form shows (and shows again, with errors, after a bad post). */
export interface SignUpPageModel {
  readonly action: string;
  readonly csrfToken: string;
  readonly listName: string;
  readonly brand: string;
  readonly topics: readonly { id: string; name: string }[];
  readonly consent: { readonly text: string; readonly version: string };
  readonly privacyUrl: string | undefined;
  readonly values: {
    readonly email?: string;
    readonly firstName?: string;
    readonly lastName?: string;
    readonly topics?: readonly string[];
  };
  /** Field → message. */
  readonly errors: ReadonlyMap<string, string>;
}

/** The sign-up form: address, optional name, topics, consent with its version, honeypot. */
export function renderSignUpPage(ctx: PageContext, model: SignUpPageModel): Html {
  const { m } = ctx;
  const { values, errors } = model;
  const consentError = errors.get('consent') ?? errors.get('consentVersion');
  return renderLayout(ctx, {
    title: m.signUp.title(model.listName),
    body: html`<h1>${m.signUp.title(model.listName)}</h1>
<p>${m.signUp.intro(model.brand)}</p>
${renderErrorSummary(ctx, errors)}
<form id="form" method="post" action="${model.action}" novalidate>
${csrfField(model.csrfToken)}
<input type="hidden" name="consentVersion" value="${model.consent.version}">
${renderTextField(ctx, { name: 'email', label: m.fields.email, type: 'email', value: values.email, error: errors.get('email'), autocomplete: 'email', maxLength: 254, required: true })}
${renderTextField(ctx, { name: 'firstName', label: m.fields.firstName, type: 'text', value: values.firstName, error: errors.get('firstName'), autocomplete: 'given-name', maxLength: 100, required: false })}
${renderTextField(ctx, { name: 'lastName', label: m.fields.lastName, type: 'text', value: values.lastName, error: errors.get('lastName'), autocomplete: 'family-name', maxLength: 100, required: false })}
${renderTopicChoices(ctx, model.topics, new Set(values.topics ?? []), errors.get('topics'))}
<div class="hp"><label for="homepage">Bitte leer lassen / leave empty</label><input type="text" id="homepage" name="homepage" tabindex="-1" autocomplete="off" value=""></div>
<fieldset class="consent field" id="consent-group">
<legend>${m.signUp.consentLabel}</legend>
${consentError === undefined ? '' : html`<p class="error" id="consent-error">${consentError}</p>`}
<div class="choice"><input type="checkbox" id="consent" name="consent" value="yes" required${consentError === undefined ? '' : html` aria-invalid="true" aria-describedby="consent-error"`}><label for="consent">${model.consent.text}</label></div>
${model.privacyUrl === undefined ? '' : html`<p><a href="${model.privacyUrl}">${m.signUp.privacyLink}</a></p>`}
</fieldset>
<button type="submit">${m.signUp.submit}</button>
</form>`,
  });
}

/** The answer to every accepted sign-up, whether the address was new, known or refused quietly. */
export function renderSignUpThanksPage(ctx: PageContext): Html {
  const { m } = ctx;
  return renderLayout(ctx, {
    title: m.signUp.thanksTitle,
    noindex: true,
    body: html`<h1>${m.signUp.thanksTitle}</h1>
<p class="notice" role="status">${m.signUp.thanksText}</p>
<p>${m.signUp.thanksHint}</p>`,
  });
}
