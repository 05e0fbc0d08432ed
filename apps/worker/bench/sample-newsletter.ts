import mjml2html from 'mjml';
import type { TemplatePart } from '../src/mime/message-template';

const PARAGRAPH =
  'Die KielRegion unterstützt Unternehmen, Kommunen und Hochschulen dabei, gemeinsam Projekte für ' +
  'Fachkräfte, Mobilität und Klimaschutz umzusetzen. Im Regionalbudget stehen in diesem Jahr wieder ' +
  'Mittel für kleine Vorhaben bereit; Anträge sind bis zum 31. März möglich. Über die Förderung ' +
  'entscheidet der Lenkungsausschuss in seiner Frühjahrssitzung.';

/** MJML of a newsletter of about 20 KB of HTML with `{{field}}` merge fields. */
export function sampleMjml(sections = 4): string {
  const items = Array.from(
    { length: sections },
    (_, i) => `
    <mj-section padding="8px 0"><mj-column>
      <mj-text font-size="18px" font-weight="bold">Meldung ${i + 1}: Neues aus dem Handlungsfeld ${'ABC'[i % 3]}</mj-text>
      <mj-text line-height="1.5">${PARAGRAPH}</mj-text>
      <mj-button href="https://www.kielregion.de/projekte/${i + 1}?utm_source=newsletter">Weiterlesen</mj-button>
    </mj-column></mj-section>`,
  ).join('');
  return `<mjml><mj-head><mj-attributes><mj-all font-family="Arial, Helvetica, sans-serif" /></mj-attributes>
  <mj-preview>Neuigkeiten aus der KielRegion</mj-preview></mj-head><mj-body>
    <mj-section><mj-column><mj-text>Hallo {{firstName}} {{lastName}},</mj-text></mj-column></mj-section>${items}
    <mj-section><mj-column><mj-text font-size="12px">Sie erhalten diese E-Mail an {{email}}.
      <a href="{{unsubscribeUrl}}">Abmelden</a> · Impressum: KielRegion GmbH, Neufeldtstraße 6, 24118 Kiel</mj-text>
    </mj-column></mj-section></mj-body></mjml>`;
}

/** Renders MJML and fills `{{field}}` with values: what a hand-written sender does per recipient. */
export async function renderNaive(mjml: string, values: Record<string, string>): Promise<string> {
  const { html } = await mjml2html(mjml, { validationLevel: 'skip' });
  return html.replace(/\{\{(\w+)\}\}/g, (_, field: string) => values[field] ?? '');
}

/** Merge fields of the sample, in slot order. */
export const SAMPLE_FIELDS = ['firstName', 'lastName', 'email', 'unsubscribeUrl'] as const;

/** Values of the sample's fields as slots. */
export function slotValues(values: Record<string, string>): string[] {
  return SAMPLE_FIELDS.map((f) => values[f] ?? '');
}

/** Splits rendered text at `{{field}}` into template parts with slots of {@link SAMPLE_FIELDS}. */
export function splitParts(rendered: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const match of rendered.matchAll(/\{\{(\w+)\}\}/g)) {
    parts.push(rendered.slice(last, match.index));
    parts.push({ slot: SAMPLE_FIELDS.indexOf(match[1] as (typeof SAMPLE_FIELDS)[number]) });
    last = match.index + match[0].length;
  }
  parts.push(rendered.slice(last));
  return parts;
}

/** Plain-text version of the sample. */
export function sampleText(sections = 4): string {
  return [
    'Hallo {{firstName}} {{lastName}},',
    ...Array.from(
      { length: sections },
      (_, i) => `Meldung ${i + 1}\n\n${PARAGRAPH}\nhttps://www.kielregion.de/projekte/${i + 1}`,
    ),
    'Abmelden: {{unsubscribeUrl}}',
  ].join('\n\n');
}
