import { z } from 'zod';
import { Image, Instant, Line, Text, WebUrl } from './common';
import { EventId, ProjectId, RegionId, TopicId } from './ids';

/** Veranstaltung: an event of the region or its partners (Regionalkonferenz, Messe, Workshop). */
export const Event = z
  .object({
    id: EventId,
    regionId: RegionId,
    title: Line,
    startsAt: Instant,
    endsAt: Instant.optional(),
    /** Venue name and address, e.g. `MFG5, Kiel`. */
    place: Line,
    description: Text.optional(),
    registrationUrl: WebUrl.optional(),
    /** Registration deadline (Anmeldeschluss). */
    registrationDeadline: Instant.optional(),
    projectId: ProjectId.optional(),
    topics: z.array(TopicId).default([]),
    image: Image.optional(),
    /** Remarks, e.g. which details are unverified. */
    note: z.string().optional(),
  })
  .refine((e) => e.endsAt === undefined || Date.parse(e.endsAt) >= Date.parse(e.startsAt), {
    path: ['endsAt'],
    error: 'expected the end not before the start',
  });
export type Event = z.infer<typeof Event>;
