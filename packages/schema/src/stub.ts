import * as z from "zod";
import { documentBaseShape } from "./document.js";

export const stubSchema = z
  .strictObject({
    ...documentBaseShape,
    kind: z.literal("stub"),
  })
  .meta({
    id: "Stub",
    description:
      "A document another one refers to (next, previous, related) that is not in the library yet; it turns into the real record when that page is ingested.",
  });

export type Stub = z.infer<typeof stubSchema>;
