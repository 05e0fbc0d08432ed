/**
 * Shared wording of the examples. Facts come from the public reference data (sources named as
 * `S…`); everything else is illustrative and says so.
 */

/** Source of the 2018 population figures of every example member. */
export const POPULATION_SOURCE = 'Destatis GV-ISys, Stand 31.12.2018 (S26)';

/** Note for a day or time that the reference data does not give. */
export const ILLUSTRATIVE_DATE = 'Datum illustrativ (nicht in den Referenzdaten).';

/** Note for content written for the example. */
export const ILLUSTRATIVE = 'Illustrativ: Beispielangaben, nicht aus den Referenzdaten.';

/** Note for a classification the reference data does not state (project kind, field, role). */
export const EDITORIAL = 'Zuordnung redaktionell für das Beispiel.';

/** Placeholder person for imprints, contacts and quotes. */
export const EXAMPLE_PERSON = 'Erika Musterfrau';

/** Second placeholder person. */
export const EXAMPLE_PERSON_2 = 'Max Mustermann';

/** Placeholder phone number. */
export const EXAMPLE_PHONE = '+49 000 0000000';

/** A placeholder postal address in the given city. */
export function exampleAddress(postalCode: string, city: string) {
  return { street: 'Musterstraße 1', postalCode, city, country: 'DE' };
}

/** An example image under the region's example.org domain, with its alt text. */
export function exampleImage(domain: string, file: string, alt: string, caption?: string) {
  return {
    src: `https://${domain}/bilder/${file}`,
    alt,
    ...(caption === undefined ? {} : { caption }),
    credit: `Bild: Beispielbild | © ${EXAMPLE_PERSON_2}`,
    width: 1200,
    height: 675,
  };
}
