/** What the CLI says for `regiokit campaign`, in German (default) and English. */
export const CAMPAIGN_DE = {
  campaignDescription: 'Kampagnen planen, beobachten, pausieren, fortsetzen, abbrechen',
  campaignScheduleDescription:
    'Plant den Versand einer Newsletter-Ausgabe oder Pressemitteilung an einen Verteiler.',
  campaignScheduleArgument: 'ID der Newsletter-Ausgabe oder Pressemitteilung',
  listOption: 'Verteiler (ID), z. B. newsletter',
  topicsOption: 'nur Abonnenten mit einem dieser Themen (kommagetrennt)',
  nowOption: 'sofort senden',
  atOption: 'Zeitpunkt, z. B. "2026-12-01 09:00" oder "01.12.2026 09:00"',
  tzOption: 'Zeitzone zu --at und --cron (Standard: Europe/Berlin)',
  cronOption: 'wiederkehrend nach Cron-Ausdruck, z. B. "0 9 * * 2" (dienstags 9 Uhr)',
  nameOption: 'Name der Kampagne',
  campaignScheduleExamples: [
    'regiokit campaign schedule newsletter-2024-08 --list newsletter --now',
    'regiokit campaign schedule newsletter-2025-02 --list newsletter --at "2026-12-01 09:00"',
    'regiokit campaign schedule pm-2025-azubi-speed-dating --list presse --at "2026-12-01 09:00" --tz Europe/Berlin',
    'regiokit campaign schedule newsletter-2024-08 --list newsletter --cron "0 9 * * 2"',
  ],
  planMissing: 'Wann soll gesendet werden? Gib genau eine der Optionen --now, --at oder --cron an.',
  planTooMany: 'Gib nur eine der Optionen --now, --at oder --cron an.',
  tzWithoutPlan: '--tz gilt nur zusammen mit --at oder --cron.',
  dateUnparseable: (value: string) =>
    `„${value}“ ist kein Zeitpunkt. Erwartet wird z. B. "2026-12-01 09:00" oder "01.12.2026 09:00".`,
  dateNotInZone: (value: string, tz: string) =>
    `„${value}“ gibt es in ${tz} nicht (Zeitumstellung); wähle eine andere Uhrzeit.`,
  dateInPast: (when: string) => `Der Zeitpunkt ${when} liegt in der Vergangenheit.`,
  unknownTimeZone: (value: string) => `Unbekannte Zeitzone „${value}“, z. B. Europe/Berlin.`,
  invalidCron: (value: string) =>
    `„${value}“ ist kein Cron-Ausdruck mit fünf Feldern (Minute Stunde Tag Monat Wochentag), z. B. "0 9 * * 2".`,
  unknownList: (id: string, region: string, known: string) =>
    `Unbekannter Verteiler „${id}“ in ${region}. Vorhanden: ${known}`,
  unknownTopics: (ids: string, known: string) => `Unbekannte Themen: ${ids}. Auf dem Verteiler: ${known}`,
  campaignScheduled: (id: string, when: string) => `Kampagne ${id} geplant: ${when}.`,
  againOption: 'dieselbe Ausgabe erneut an diesen Verteiler senden (nur an die, die sie noch nicht bekamen)',
  everyoneOption: 'mit --again: an alle auf dem Verteiler, auch an die, die sie schon bekamen',
  everyoneWithoutAgain: '--everyone gilt nur zusammen mit --again.',
  alreadySent: (id: string, list: string) =>
    `Diese Ausgabe ging schon an den Verteiler „${list}“ (Kampagne ${id}). Erneut senden: --again (nur an die, die sie noch nicht bekamen) oder --again --everyone (an alle).`,
  alreadyPlanned: (id: string, status: string) =>
    `Für diese Ausgabe und diese Empfänger gibt es schon die Kampagne ${id} (${status}). Zeit ändern: regiokit campaign reschedule ${id} --at …; trotzdem eine zweite: --again.`,
  againRest: 'Erneuter Versand: nur an Abonnenten, die diese Ausgabe noch nicht erhalten haben.',
  campaignAudienceEmpty:
    'Die Empfängerliste ist derzeit leer; die Kampagne endet zum geplanten Zeitpunkt als versendet an 0 Empfänger.',
  campaignRescheduleDescription:
    'Verlegt eine geplante (oder vor ihrem Termin angehaltene) Kampagne auf einen neuen Zeitpunkt; der alte Termin entfällt.',
  campaignRescheduleExamples: [
    'regiokit campaign reschedule newsletter-2024-08-20261201-0900 --at "15.12.2026 09:00"',
    'regiokit campaign reschedule newsletter-2024-08-20261201-0900 --now',
  ],
  campaignRescheduled: (id: string, when: string) => `Kampagne ${id} verlegt: ${when}.`,
  cannotReschedule: (id: string, status: string) =>
    `Die Kampagne ${id} ist ${status} und kann nicht mehr verlegt werden (nur Entwürfe, geplante und vor ihrem Termin angehaltene).`,
  campaignAudience: (count: string) => `Empfänger derzeit: ${count}`,
  campaignStatusHint: (id: string) => `Fortschritt: regiokit campaign status ${id} --watch`,
  campaignStatusDescription:
    'Zeigt Status und Fortschritt einer Kampagne; mit --watch als Fortschrittsbalken bis zum Ende.',
  campaignIdArgument: 'ID der Kampagne',
  watchOption: 'laufend anzeigen, bis die Kampagne fertig ist',
  watchRecurring:
    'Eine wiederkehrende Kampagne endet nicht; jede Ausführung ist eine eigene Kampagne (regiokit campaigns list).',
  campaignStatusExamples: [
    'regiokit campaign status newsletter-2024-08-20261201-0900',
    'regiokit campaign status newsletter-2024-08-20261201-0900 --watch',
    'regiokit campaign status newsletter-2024-08-20261201-0900 --json',
  ],
  campaignPauseDescription: 'Hält den Versand einer Kampagne an (innerhalb etwa einer Sekunde).',
  campaignResumeDescription: 'Setzt eine angehaltene Kampagne dort fort, wo sie stand.',
  campaignCancelDescription: 'Bricht eine Kampagne endgültig ab; Versendetes bleibt verbucht.',
  campaignControlExamples: (action: string) => [
    `regiokit campaign ${action} newsletter-2024-08-20261201-0900`,
    `regiokit campaign ${action} newsletter-2024-08-20261201-0900 --region kielregion`,
  ],
  campaignPaused: (id: string) => `Kampagne ${id} angehalten.`,
  campaignResumed: (id: string) => `Kampagne ${id} wird fortgesetzt.`,
  campaignResumedScheduled: (id: string, when: string) =>
    `Kampagne ${id} ist wieder geplant und wartet auf ihren Termin: ${when}.`,
  campaignCancelled: (id: string) => `Kampagne ${id} abgebrochen.`,
  unknownCampaign: (id: string) => `Keine Kampagne mit der ID „${id}“.`,
  campaignAmbiguous: (id: string, regions: string) =>
    `Die Kampagne „${id}“ gibt es in mehreren Regionen (${regions}); wähle eine mit --region.`,
  progressSent: 'versendet',
  progressFailed: 'fehlgeschlagen',
  progressRemaining: 'offen',
  progressRate: 'pro Minute',
  progressEta: 'Restzeit',
  progressBar: 'Versand',
  statusLabels: {
    draft: 'Entwurf',
    scheduled: 'geplant',
    sending: 'wird versendet',
    paused: 'angehalten',
    sent: 'versendet',
    cancelled: 'abgebrochen',
    failed: 'fehlgeschlagen',
    missed: 'verpasst',
  } as Record<string, string>,
  statusTitle: (id: string, status: string) => `Kampagne ${id}: ${status}`,
  colAudience: 'Empfänger',
  colSent: 'Versendet',
  colFailed: 'Fehlgeschlagen',
  colRemaining: 'Offen',
  colRate: 'pro Minute',
};

export type CampaignMessages = typeof CAMPAIGN_DE;

export const CAMPAIGN_EN: CampaignMessages = {
  campaignDescription: 'schedule, watch, pause, resume and cancel campaigns',
  campaignScheduleDescription: 'Schedules sending a newsletter issue or press release to a list.',
  campaignScheduleArgument: 'id of the newsletter issue or press release',
  listOption: 'list (id), e.g. newsletter',
  topicsOption: 'only subscribers with one of these topics (comma-separated)',
  nowOption: 'send now',
  atOption: 'moment, e.g. "2026-12-01 09:00" or "01.12.2026 09:00"',
  tzOption: 'time zone of --at and --cron (default: Europe/Berlin)',
  cronOption: 'recurring by cron expression, e.g. "0 9 * * 2" (Tuesdays 09:00)',
  nameOption: 'name of the campaign',
  campaignScheduleExamples: [
    'regiokit campaign schedule newsletter-2024-08 --list newsletter --now',
    'regiokit campaign schedule newsletter-2025-02 --list newsletter --at "2026-12-01 09:00"',
    'regiokit campaign schedule pm-2025-azubi-speed-dating --list presse --at "2026-12-01 09:00" --tz Europe/Berlin',
    'regiokit campaign schedule newsletter-2024-08 --list newsletter --cron "0 9 * * 2"',
  ],
  planMissing: 'When should it be sent? Give exactly one of --now, --at or --cron.',
  planTooMany: 'Give only one of --now, --at or --cron.',
  tzWithoutPlan: '--tz only goes with --at or --cron.',
  dateUnparseable: (value) =>
    `"${value}" is not a moment. Expected e.g. "2026-12-01 09:00" or "01.12.2026 09:00".`,
  dateNotInZone: (value, tz) => `"${value}" does not exist in ${tz} (clock change); pick another time.`,
  dateInPast: (when) => `The moment ${when} is in the past.`,
  unknownTimeZone: (value) => `Unknown time zone "${value}", e.g. Europe/Berlin.`,
  invalidCron: (value) =>
    `"${value}" is not a cron expression with five fields (minute hour day month weekday), e.g. "0 9 * * 2".`,
  unknownList: (id, region, known) => `Unknown list "${id}" in ${region}. Known: ${known}`,
  unknownTopics: (ids, known) => `Unknown topics: ${ids}. On the list: ${known}`,
  campaignScheduled: (id, when) => `Campaign ${id} scheduled: ${when}.`,
  againOption: 'send the same issue to this list again (only to those who did not get it yet)',
  everyoneOption: 'with --again: to everyone on the list, also those who got it already',
  everyoneWithoutAgain: '--everyone only goes with --again.',
  alreadySent: (id, list) =>
    `This issue went to the list "${list}" already (campaign ${id}). To send it again: --again (only to those who did not get it) or --again --everyone (to all).`,
  alreadyPlanned: (id, status) =>
    `There is a campaign ${id} (${status}) for this issue and these recipients already. Change its time: regiokit campaign reschedule ${id} --at …; a second one anyway: --again.`,
  againRest: 'Sending again: only to subscribers who did not receive this issue yet.',
  campaignAudienceEmpty: 'The audience is empty now; the campaign ends at its time as sent to 0 recipients.',
  campaignRescheduleDescription:
    'Moves a scheduled campaign (or one paused before its time) to a new moment; the old one is dropped.',
  campaignRescheduleExamples: [
    'regiokit campaign reschedule newsletter-2024-08-20261201-0900 --at "15.12.2026 09:00"',
    'regiokit campaign reschedule newsletter-2024-08-20261201-0900 --now',
  ],
  campaignRescheduled: (id, when) => `Campaign ${id} rescheduled: ${when}.`,
  cannotReschedule: (id, status) =>
    `Campaign ${id} is ${status} and can no longer be rescheduled (only drafts, scheduled ones and ones paused before their time).`,
  campaignAudience: (count) => `Recipients now: ${count}`,
  campaignStatusHint: (id) => `Progress: regiokit campaign status ${id} --watch`,
  campaignStatusDescription:
    'Shows status and progress of a campaign; with --watch as a progress bar until it ends.',
  campaignIdArgument: 'id of the campaign',
  watchOption: 'keep showing until the campaign is done',
  watchRecurring:
    'A recurring campaign does not end; each run is a campaign of its own (regiokit campaigns list).',
  campaignStatusExamples: [
    'regiokit campaign status newsletter-2024-08-20261201-0900',
    'regiokit campaign status newsletter-2024-08-20261201-0900 --watch',
    'regiokit campaign status newsletter-2024-08-20261201-0900 --json',
  ],
  campaignPauseDescription: 'Pauses sending a campaign (within about a second).',
  campaignResumeDescription: 'Continues a paused campaign where it stopped.',
  campaignCancelDescription: 'Cancels a campaign for good; what was sent stays recorded.',
  campaignControlExamples: (action) => [
    `regiokit campaign ${action} newsletter-2024-08-20261201-0900`,
    `regiokit campaign ${action} newsletter-2024-08-20261201-0900 --region kielregion`,
  ],
  campaignPaused: (id) => `Campaign ${id} paused.`,
  campaignResumed: (id) => `Campaign ${id} resumes.`,
  campaignResumedScheduled: (id, when) =>
    `Campaign ${id} is scheduled again and waits for its time: ${when}.`,
  campaignCancelled: (id) => `Campaign ${id} cancelled.`,
  unknownCampaign: (id) => `No campaign with the id "${id}".`,
  campaignAmbiguous: (id, regions) =>
    `Campaign "${id}" exists in several regions (${regions}); pick one with --region.`,
  progressSent: 'sent',
  progressFailed: 'failed',
  progressRemaining: 'remaining',
  progressRate: 'per minute',
  progressEta: 'time left',
  progressBar: 'Sending',
  statusLabels: {},
  statusTitle: (id, status) => `Campaign ${id}: ${status}`,
  colAudience: 'Recipients',
  colSent: 'Sent',
  colFailed: 'Failed',
  colRemaining: 'Remaining',
  colRate: 'per minute',
};
