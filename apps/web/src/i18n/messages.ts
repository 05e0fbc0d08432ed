import type { Language } from '@regiokit/core';

/** Every fixed text of the public pages, per language. */
export interface PageMessages {
  readonly languageName: string;
  readonly skipToContent: string;
  readonly imprint: string;
  readonly privacy: string;
  readonly website: string;
  readonly otherLanguage: string;
  readonly optional: string;
  readonly errorSummary: string;
  readonly errors: {
    readonly badRequest: string;
    readonly formExpired: string;
    readonly notFound: string;
    readonly notFoundText: string;
    readonly tooManyRequests: string;
    readonly tooManyRequestsText: string;
    readonly invalidLink: string;
    readonly invalidLinkText: string;
    readonly serverError: string;
    readonly serverErrorText: string;
  };
  readonly fields: {
    readonly email: string;
    readonly firstName: string;
    readonly lastName: string;
    readonly language: string;
    readonly topics: string;
    readonly topicsHint: string;
  };
  readonly problems: {
    readonly email: string;
    readonly name: string;
    readonly topics: string;
    readonly consent: string;
    readonly consentChanged: string;
    readonly language: string;
    readonly unknownField: (field: string) => string;
    readonly form: string;
  };
  readonly signUp: {
    readonly title: (list: string) => string;
    readonly intro: (brand: string) => string;
    readonly consentLabel: string;
    readonly consentText: (list: string, publisher: string, privacyUrl: string) => string;
    readonly privacyLink: string;
    readonly submit: string;
    readonly thanksTitle: string;
    readonly thanksText: string;
    readonly thanksHint: string;
  };
  readonly confirm: {
    readonly title: string;
    readonly text: (list: string) => string;
    readonly button: string;
    readonly doneTitle: string;
    readonly doneText: (list: string) => string;
    readonly alreadyText: string;
    readonly preferencesLink: string;
  };
  readonly unsubscribe: {
    readonly title: string;
    readonly textList: (list: string) => string;
    readonly textAll: (brand: string) => string;
    readonly button: string;
    readonly doneTitle: string;
    readonly doneText: string;
    readonly alreadyText: string;
    readonly resubscribe: string;
    readonly oneClickDone: string;
  };
  readonly preferences: {
    readonly title: string;
    readonly intro: (email: string) => string;
    readonly save: string;
    readonly saved: string;
    readonly noTopics: string;
    readonly leaveTitle: string;
    readonly leaveText: string;
    readonly leaveButton: string;
    readonly inactive: string;
  };
  readonly archive: {
    readonly title: (brand: string) => string;
    readonly newsletters: string;
    readonly pressReleases: string;
    readonly noNewsletters: string;
    readonly noPressReleases: string;
    readonly subscribe: string;
  };
}

const de: PageMessages = {
  languageName: 'Deutsch',
  skipToContent: 'Zum Inhalt springen',
  imprint: 'Impressum',
  privacy: 'Datenschutz',
  website: 'Website',
  otherLanguage: 'English',
  optional: 'optional',
  errorSummary: 'Bitte prüfen Sie Ihre Angaben:',
  errors: {
    badRequest: 'Die Angaben konnten nicht verarbeitet werden',
    formExpired:
      'Das Formular ist abgelaufen oder wurde nicht von dieser Seite gesendet. Bitte laden Sie die Seite neu und senden Sie es erneut.',
    notFound: 'Seite nicht gefunden',
    notFoundText: 'Diese Seite gibt es nicht (mehr).',
    tooManyRequests: 'Zu viele Anfragen',
    tooManyRequestsText: 'Bitte warten Sie einige Minuten und versuchen Sie es dann erneut.',
    invalidLink: 'Der Link ist ungültig oder abgelaufen',
    invalidLinkText:
      'Bitte prüfen Sie, ob Sie den Link vollständig geöffnet haben. Ein Bestätigungslink gilt sieben Tage; danach melden Sie sich bitte erneut an.',
    serverError: 'Ein Fehler ist aufgetreten',
    serverErrorText: 'Bitte versuchen Sie es später erneut.',
  },
  fields: {
    email: 'E-Mail-Adresse',
    firstName: 'Vorname',
    lastName: 'Nachname',
    language: 'Sprache der E-Mails',
    topics: 'Themen',
    topicsHint: 'Wählen Sie keine Themen, erhalten Sie alle Ausgaben.',
  },
  problems: {
    email: 'Bitte geben Sie eine gültige E-Mail-Adresse an (höchstens 254 Zeichen).',
    name: 'Bitte geben Sie einen Namen in einer Zeile an, höchstens 100 Zeichen, ohne < > { }.',
    topics: 'Bitte wählen Sie nur Themen aus der Liste.',
    consent: 'Bitte bestätigen Sie die Einwilligung.',
    consentChanged:
      'Der Einwilligungstext hat sich geändert. Bitte lesen Sie ihn erneut und senden Sie das Formular noch einmal.',
    language: 'Bitte wählen Sie Deutsch oder Englisch.',
    unknownField: (field) => `Das Feld „${field}“ gehört nicht zu diesem Formular.`,
    form: 'Das Formular enthält ungültige Daten.',
  },
  signUp: {
    title: (list) => `${list} abonnieren`,
    intro: (brand) =>
      `Erhalten Sie Neuigkeiten von ${brand} per E-Mail. Nach dem Absenden schicken wir Ihnen eine E-Mail mit einem Bestätigungslink (Double-Opt-in).`,
    consentLabel: 'Einwilligung',
    consentText: (list, publisher, privacyUrl) =>
      `Ich möchte den „${list}“ per E-Mail erhalten. Verantwortlich ist ${publisher}. Meine Einwilligung kann ich jederzeit mit Wirkung für die Zukunft widerrufen, zum Beispiel über den Abmeldelink in jeder E-Mail. Hinweise zum Datenschutz: ${privacyUrl}`,
    privacyLink: 'Datenschutzhinweise lesen',
    submit: 'Anmelden',
    thanksTitle: 'Fast geschafft: Bitte bestätigen Sie Ihre Anmeldung',
    thanksText:
      'Wenn die Adresse angemeldet werden kann, erhalten Sie in wenigen Minuten eine E-Mail mit einem Bestätigungslink. Erst nach der Bestätigung senden wir Ihnen den Newsletter.',
    thanksHint: 'Keine E-Mail erhalten? Bitte sehen Sie auch im Spam-Ordner nach.',
  },
  confirm: {
    title: 'Anmeldung bestätigen',
    text: (list) => `Bitte bestätigen Sie, dass Sie den „${list}“ erhalten möchten.`,
    button: 'Anmeldung bestätigen',
    doneTitle: 'Vielen Dank! Ihre Anmeldung ist bestätigt',
    doneText: (list) => `Sie erhalten ab jetzt den „${list}“.`,
    alreadyText: 'Diese Anmeldung war bereits bestätigt.',
    preferencesLink: 'Themen und Einstellungen ändern',
  },
  unsubscribe: {
    title: 'Abmelden',
    textList: (list) => `Möchten Sie den „${list}“ nicht mehr erhalten?`,
    textAll: (brand) => `Möchten Sie keine E-Mails von ${brand} mehr erhalten?`,
    button: 'Jetzt abmelden',
    doneTitle: 'Sie sind abgemeldet',
    doneText: 'Sie erhalten keine weiteren E-Mails dieses Verteilers.',
    alreadyText: 'Sie waren bereits abgemeldet.',
    resubscribe: 'Versehentlich abgemeldet? Hier wieder anmelden',
    oneClickDone: 'Abgemeldet.',
  },
  preferences: {
    title: 'Ihre Einstellungen',
    intro: (email) => `Einstellungen für ${email}`,
    save: 'Einstellungen speichern',
    saved: 'Ihre Einstellungen sind gespeichert.',
    noTopics: 'Für diesen Verteiler gibt es keine Themen zur Auswahl.',
    leaveTitle: 'Von allem abmelden',
    leaveText: 'Sie erhalten danach keine E-Mails mehr von uns.',
    leaveButton: 'Von allem abmelden',
    inactive: 'Diese Adresse erhält derzeit keine E-Mails.',
  },
  archive: {
    title: (brand) => `Archiv: ${brand}`,
    newsletters: 'Newsletter',
    pressReleases: 'Pressemitteilungen',
    noNewsletters: 'Noch keine Newsletter versandt.',
    noPressReleases: 'Noch keine Pressemitteilungen veröffentlicht.',
    subscribe: 'Newsletter abonnieren',
  },
};

const en: PageMessages = {
  languageName: 'English',
  skipToContent: 'Skip to content',
  imprint: 'Legal notice',
  privacy: 'Privacy',
  website: 'Website',
  otherLanguage: 'Deutsch',
  optional: 'optional',
  errorSummary: 'Please check what you entered:',
  errors: {
    badRequest: 'What you sent could not be processed',
    formExpired:
      'The form has expired or was not sent from this page. Please reload the page and send it again.',
    notFound: 'Page not found',
    notFoundText: 'This page does not exist (any more).',
    tooManyRequests: 'Too many requests',
    tooManyRequestsText: 'Please wait a few minutes and try again.',
    invalidLink: 'The link is invalid or has expired',
    invalidLinkText:
      'Please check that you opened the complete link. A confirmation link works for seven days; after that, please sign up again.',
    serverError: 'Something went wrong',
    serverErrorText: 'Please try again later.',
  },
  fields: {
    email: 'E-mail address',
    firstName: 'First name',
    lastName: 'Last name',
    language: 'Language of the e-mails',
    topics: 'Topics',
    topicsHint: 'Choose no topic to receive every issue.',
  },
  problems: {
    email: 'Please enter a valid e-mail address (at most 254 characters).',
    name: 'Please enter a name on one line, at most 100 characters, without < > { }.',
    topics: 'Please choose only topics from the list.',
    consent: 'Please give your consent.',
    consentChanged: 'The consent text has changed. Please read it again and send the form once more.',
    language: 'Please choose German or English.',
    unknownField: (field) => `The field "${field}" does not belong to this form.`,
    form: 'The form contains invalid data.',
  },
  signUp: {
    title: (list) => `Subscribe to ${list}`,
    intro: (brand) =>
      `Get news from ${brand} by e-mail. After you send the form, we e-mail you a link to confirm (double opt-in).`,
    consentLabel: 'Consent',
    consentText: (list, publisher, privacyUrl) =>
      `I want to receive "${list}" by e-mail. ${publisher} is responsible. I can withdraw my consent at any time with effect for the future, for example with the unsubscribe link in every e-mail. Privacy notice: ${privacyUrl}`,
    privacyLink: 'Read the privacy notice',
    submit: 'Subscribe',
    thanksTitle: 'Almost done: please confirm your subscription',
    thanksText:
      'If the address can be subscribed, you will receive an e-mail with a confirmation link in a few minutes. We send the newsletter only after you confirm.',
    thanksHint: 'No e-mail? Please check your spam folder too.',
  },
  confirm: {
    title: 'Confirm your subscription',
    text: (list) => `Please confirm that you want to receive "${list}".`,
    button: 'Confirm subscription',
    doneTitle: 'Thank you! Your subscription is confirmed',
    doneText: (list) => `From now on you will receive "${list}".`,
    alreadyText: 'This subscription was already confirmed.',
    preferencesLink: 'Change topics and settings',
  },
  unsubscribe: {
    title: 'Unsubscribe',
    textList: (list) => `Do you no longer want to receive "${list}"?`,
    textAll: (brand) => `Do you no longer want to receive e-mails from ${brand}?`,
    button: 'Unsubscribe now',
    doneTitle: 'You are unsubscribed',
    doneText: 'You will receive no further e-mails from this list.',
    alreadyText: 'You were already unsubscribed.',
    resubscribe: 'Unsubscribed by mistake? Subscribe again',
    oneClickDone: 'Unsubscribed.',
  },
  preferences: {
    title: 'Your settings',
    intro: (email) => `Settings for ${email}`,
    save: 'Save settings',
    saved: 'Your settings are saved.',
    noTopics: 'This list has no topics to choose from.',
    leaveTitle: 'Unsubscribe from everything',
    leaveText: 'You will then receive no more e-mails from us.',
    leaveButton: 'Unsubscribe from everything',
    inactive: 'This address currently receives no e-mails.',
  },
  archive: {
    title: (brand) => `Archive: ${brand}`,
    newsletters: 'Newsletters',
    pressReleases: 'Press releases',
    noNewsletters: 'No newsletter sent yet.',
    noPressReleases: 'No press release published yet.',
    subscribe: 'Subscribe to the newsletter',
  },
};

/** The page texts of each language. */
export const PAGE_MESSAGES: Readonly<Record<Language, PageMessages>> = { de, en };
