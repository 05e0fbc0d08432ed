/** What the CLI says for `regiokit send-test`, in German (default) and English. */
export const SEND_TEST_DE = {
  sendTestDescription:
    'Schickt eine Testmail einer Newsletter-Ausgabe, Pressemitteilung oder Kampagne an eine Adresse.',
  sendTestArgument: 'ID der Newsletter-Ausgabe, Pressemitteilung oder Kampagne',
  sendTestToOption: 'Empfängeradresse der Testmail',
  sendTestListOption: 'Verteiler, dessen Abmeldelink die Testmail zeigt (Standard: der erste passende)',
  sendTestExamples: [
    'regiokit send-test newsletter-2024-08 --to erika.musterfrau@example.org',
    'regiokit send-test pm-2025-azubi-speed-dating --to presse@example.org --region thueringer-bogen',
  ],
  sendTestQueued: (email: string, jobId: string) => `Testmail an ${email} eingereiht (Auftrag ${jobId}).`,
  sendTestWorkerHint: 'Ein laufender Worker („regiokit worker“) verschickt sie.',
  invalidEmail: (value: string) => `„${value}“ ist keine E-Mail-Adresse.`,
};

export type SendTestMessages = typeof SEND_TEST_DE;

export const SEND_TEST_EN: SendTestMessages = {
  sendTestDescription: 'Sends a test mail of a newsletter issue, press release or campaign to one address.',
  sendTestArgument: 'id of the newsletter issue, press release or campaign',
  sendTestToOption: 'recipient of the test mail',
  sendTestListOption: 'list whose unsubscribe link the test shows (default: the first that fits)',
  sendTestExamples: [
    'regiokit send-test newsletter-2024-08 --to erika.musterfrau@example.org',
    'regiokit send-test pm-2025-azubi-speed-dating --to press@example.org --region thueringer-bogen',
  ],
  sendTestQueued: (email, jobId) => `Test mail to ${email} queued (job ${jobId}).`,
  sendTestWorkerHint: 'A running worker ("regiokit worker") sends it.',
  invalidEmail: (value) => `"${value}" is not an e-mail address.`,
};
