import * as z from "zod";
import { documentBaseShape } from "./document.js";
import { personIdSchema } from "./ids.js";

export const agendaItemSchema = z
  .strictObject({
    start: z.string().min(1).optional().describe('Local time as printed: "1:00pm".'),
    end: z.string().min(1).optional(),
    title: z.string().min(1),
    people: z.array(z.strictObject({ id: personIdSchema, name: z.string().min(1) })).default([]),
  })
  .meta({
    id: "AgendaItem",
    description: 'One block of an event\'s schedule: "1:00pm - 2:00pm: Opening Remarks".',
  });

export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const eventSchema = z
  .strictObject({
    ...documentBaseShape,
    kind: z.literal("event"),
    time: z
      .strictObject({
        start: z.string().min(1).optional(),
        end: z.string().min(1).optional(),
        timezone: z.string().min(1).optional(),
      })
      .optional()
      .describe("Start and end time as printed, with the time zone when the page names one."),
    location: z.string().min(1).optional(),
    agenda: z.array(agendaItemSchema).default([]),
  })
  .meta({
    id: "Event",
    description: "A panel, lecture, conference or other event, with its people in roles.",
  });

export type Event = z.infer<typeof eventSchema>;
