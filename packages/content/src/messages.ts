import type { Language, ProjectStatus, Salutation } from '@regiokit/core';

/** Every fixed text of the templates, in one language. */
export interface Messages {
  /** Intl locale used for dates, times and money. */
  readonly locale: string;
  readonly newsletter: string;
  readonly viewInBrowser: string;
  readonly readMore: string;
  readonly learnMore: string;
  readonly fieldOfAction: string;
  readonly status: string;
  readonly projectStatus: Readonly<Record<ProjectStatus, string>>;
  readonly projectUpdate: string;
  readonly event: string;
  readonly fundingCall: string;
  readonly when: string;
  readonly where: string;
  readonly register: string;
  readonly deadline: string;
  readonly maxGrant: (amount: string) => string;
  readonly imageCredit: string;
  readonly pressRelease: string;
  readonly embargo: string;
  readonly pressContact: string;
  readonly pressImages: string;
  readonly fullSizeImage: string;
  readonly says: string;
  readonly phone: string;
  readonly email: string;
  readonly unsubscribe: string;
  readonly preferences: string;
  readonly privacy: string;
  readonly website: string;
  readonly sender: string;
  readonly imprint: string;
  readonly representedBy: string;
  readonly registerEntry: string;
  readonly vatId: string;
  readonly responsibleForContent: string;
  /** Default list names used in the reason line. */
  readonly newsletterListName: (brand: string) => string;
  readonly pressListName: (brand: string) => string;
  /** Why the reader gets the mail; `{email}` marks where the address goes. */
  readonly reasonNewsletter: (listName: string) => string;
  readonly reasonPress: (listName: string) => string;
  readonly reasonDoubleOptIn: (listName: string) => string;
  readonly reasonUnsubscribed: (listName: string) => string;
  readonly testBanner: string;
  readonly testSubjectPrefix: string;
  readonly doubleOptIn: {
    readonly subject: (listName: string) => string;
    readonly heading: string;
    readonly body: (listName: string) => string;
    readonly button: string;
    readonly expires: (when: string) => string;
    readonly ignore: string;
    readonly topics: string;
  };
  readonly unsubscribed: {
    readonly subject: (listName: string) => string;
    readonly heading: string;
    readonly body: (listName: string) => string;
    readonly button: string;
    readonly mistake: string;
  };
  /** Builds the salutation line from the parts of a name. */
  readonly salutationLine: (salutation: Salutation, firstName: string, lastName: string) => string;
  /** Appended to a time of day: `Uhr` in German, nothing in English. */
  readonly timeSuffix: string;
  /** Texts of the public web version of a newsletter (`renderNewsletterPage`). */
  readonly webPage: {
    readonly skipToContent: string;
    /** Before the day the issue was sent: "Versandt am 3. Dezember 2026". */
    readonly sentOn: string;
    readonly backToArchive: string;
    readonly subscribe: (listName: string) => string;
    /** Stands in for `{{email}}` in authored text: the page shows no one's address. */
    readonly addressPlaceholder: string;
  };
}

const DE: Messages = {
  locale: 'de-DE',
  newsletter: 'Newsletter',
  viewInBrowser: 'Im Browser ansehen',
  readMore: 'Weiterlesen',
  learnMore: 'Mehr erfahren',
  fieldOfAction: 'Handlungsfeld',
  status: 'Status',
  projectStatus: {
    idea: 'Idee',
    proposed: 'Vorgeschlagen',
    approved: 'Beschlossen',
    running: 'In Umsetzung',
    completed: 'Abgeschlossen',
    rejected: 'Abgelehnt',
    paused: 'Pausiert',
    discontinued: 'Eingestellt',
  },
  projectUpdate: 'Projekt-Update',
  event: 'Termin',
  fundingCall: 'Förderaufruf',
  when: 'Wann',
  where: 'Wo',
  register: 'Zur Anmeldung',
  deadline: 'Bewerbungsfrist',
  maxGrant: (amount) => `Förderung bis ${amount} je Projekt`,
  imageCredit: 'Bild',
  pressRelease: 'Pressemitteilung',
  embargo: 'Sperrfrist',
  pressContact: 'Pressekontakt',
  pressImages: 'Pressebilder',
  fullSizeImage: 'Bild in voller Größe',
  says: 'sagt',
  phone: 'Telefon',
  email: 'E-Mail',
  unsubscribe: 'Abmelden',
  preferences: 'Einstellungen ändern',
  privacy: 'Datenschutz',
  website: 'Website',
  sender: 'Absender',
  imprint: 'Impressum',
  representedBy: 'Vertreten durch',
  registerEntry: 'Registereintrag',
  vatId: 'USt-IdNr.',
  responsibleForContent: 'Verantwortlich für den Inhalt (§ 18 Abs. 2 MStV)',
  newsletterListName: (brand) => `Newsletter ${brand}`,
  pressListName: (brand) => `Presseverteiler ${brand}`,
  reasonNewsletter: (list) =>
    `Sie erhalten diese E-Mail an {email}, weil Sie „${list}“ abonniert und Ihre Anmeldung bestätigt haben.`,
  reasonPress: (list) =>
    `Sie erhalten diese E-Mail an {email}, weil Sie in den „${list}“ aufgenommen wurden und dem zugestimmt haben.`,
  reasonDoubleOptIn: (list) =>
    `Sie erhalten diese E-Mail, weil die Adresse {email} für „${list}“ angemeldet wurde. Ohne Ihre Bestätigung erhalten Sie keine weiteren E-Mails.`,
  reasonUnsubscribed: (list) =>
    `Sie erhalten diese E-Mail, weil die Adresse {email} von „${list}“ abgemeldet wurde.`,
  testBanner: 'Testversand: Diese E-Mail ist eine Vorschau und ging nicht an den Verteiler.',
  testSubjectPrefix: '[TEST] ',
  doubleOptIn: {
    subject: (list) => `Bitte bestätigen Sie Ihre Anmeldung: ${list}`,
    heading: 'Bitte bestätigen Sie Ihre Anmeldung',
    body: (list) =>
      `Vielen Dank für Ihr Interesse an „${list}“. Damit wir Ihnen E-Mails senden dürfen, bestätigen Sie bitte, dass diese Adresse Ihnen gehört.`,
    button: 'Anmeldung bestätigen',
    expires: (when) => `Der Link ist gültig bis ${when}.`,
    ignore:
      'Wenn Sie sich nicht angemeldet haben, ignorieren Sie diese E-Mail einfach. Ihre Adresse wird dann nicht verwendet.',
    topics: 'Gewählte Themen',
  },
  unsubscribed: {
    subject: (list) => `Sie wurden abgemeldet: ${list}`,
    heading: 'Sie wurden abgemeldet',
    body: (list) => `Sie erhalten ab sofort keine E-Mails mehr von „${list}“.`,
    button: 'Wieder anmelden',
    mistake: 'War das ein Versehen? Sie können sich jederzeit wieder anmelden.',
  },
  salutationLine: (salutation, firstName, lastName) => {
    if (salutation === 'frau' && lastName !== '') return `Sehr geehrte Frau ${lastName},`;
    if (salutation === 'herr' && lastName !== '') return `Sehr geehrter Herr ${lastName},`;
    const name = `${firstName} ${lastName}`.trim();
    return name === '' ? 'Guten Tag,' : `Guten Tag ${name},`;
  },
  timeSuffix: ' Uhr',
  webPage: {
    skipToContent: 'Zum Inhalt springen',
    sentOn: 'Versandt am',
    backToArchive: 'Alle Ausgaben im Archiv',
    subscribe: (list) => `${list} abonnieren`,
    addressPlaceholder: 'Ihre E-Mail-Adresse',
  },
};

const EN: Messages = {
  locale: 'en-GB',
  newsletter: 'Newsletter',
  viewInBrowser: 'View in your browser',
  readMore: 'Read more',
  learnMore: 'Learn more',
  fieldOfAction: 'Field of action',
  status: 'Status',
  projectStatus: {
    idea: 'Idea',
    proposed: 'Proposed',
    approved: 'Approved',
    running: 'In progress',
    completed: 'Completed',
    rejected: 'Rejected',
    paused: 'Paused',
    discontinued: 'Discontinued',
  },
  projectUpdate: 'Project update',
  event: 'Event',
  fundingCall: 'Call for proposals',
  when: 'When',
  where: 'Where',
  register: 'Register',
  deadline: 'Application deadline',
  maxGrant: (amount) => `Grants of up to ${amount} per project`,
  imageCredit: 'Image',
  pressRelease: 'Press release',
  embargo: 'Embargo',
  pressContact: 'Press contact',
  pressImages: 'Press images',
  fullSizeImage: 'Full-size image',
  says: 'says',
  phone: 'Phone',
  email: 'Email',
  unsubscribe: 'Unsubscribe',
  preferences: 'Manage preferences',
  privacy: 'Privacy policy',
  website: 'Website',
  sender: 'Sender',
  imprint: 'Legal notice (Impressum)',
  representedBy: 'Represented by',
  registerEntry: 'Register entry',
  vatId: 'VAT ID',
  responsibleForContent: 'Responsible for content (§ 18(2) MStV)',
  newsletterListName: (brand) => `${brand} newsletter`,
  pressListName: (brand) => `${brand} press list`,
  reasonNewsletter: (list) =>
    `You are receiving this email at {email} because you subscribed to the “${list}” and confirmed your subscription.`,
  reasonPress: (list) =>
    `You are receiving this email at {email} because you were added to the “${list}” with your consent.`,
  reasonDoubleOptIn: (list) =>
    `You are receiving this email because the address {email} was signed up for the “${list}”. Without your confirmation you will not receive any further emails.`,
  reasonUnsubscribed: (list) =>
    `You are receiving this email because the address {email} was unsubscribed from the “${list}”.`,
  testBanner: 'Test send: this email is a preview and was not sent to the list.',
  testSubjectPrefix: '[TEST] ',
  doubleOptIn: {
    subject: (list) => `Please confirm your subscription: ${list}`,
    heading: 'Please confirm your subscription',
    body: (list) =>
      `Thank you for your interest in the “${list}”. Before we may send you emails, please confirm that this address is yours.`,
    button: 'Confirm subscription',
    expires: (when) => `The link is valid until ${when}.`,
    ignore: 'If you did not sign up, simply ignore this email. Your address will not be used.',
    topics: 'Topics chosen',
  },
  unsubscribed: {
    subject: (list) => `You have been unsubscribed: ${list}`,
    heading: 'You have been unsubscribed',
    body: (list) => `You will no longer receive emails from the “${list}”.`,
    button: 'Subscribe again',
    mistake: 'Was this a mistake? You can subscribe again at any time.',
  },
  salutationLine: (salutation, firstName, lastName) => {
    if (salutation === 'frau' && lastName !== '') return `Dear Ms ${lastName},`;
    if (salutation === 'herr' && lastName !== '') return `Dear Mr ${lastName},`;
    const name = `${firstName} ${lastName}`.trim();
    return name === '' ? 'Hello,' : `Dear ${name},`;
  },
  timeSuffix: '',
  webPage: {
    skipToContent: 'Skip to content',
    sentOn: 'Sent on',
    backToArchive: 'All issues in the archive',
    subscribe: (list) => `Subscribe to the ${list}`,
    addressPlaceholder: 'your email address',
  },
};

/** The fixed texts per language; German is the default. */
export const MESSAGES: Readonly<Record<Language, Messages>> = { de: DE, en: EN };

/** The fixed texts for `language`. */
export function getMessages(language: Language): Messages {
  return MESSAGES[language];
}
