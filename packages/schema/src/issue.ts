import * as z from "zod";
import { documentBaseShape } from "./document.js";

export const issueSchema = z
  .strictObject({
    ...documentBaseShape,
    kind: z.literal("issue"),
    volume: z.int().min(0).optional(),
    number: z.int().min(0).optional(),
  })
  .meta({
    id: "Issue",
    description:
      'A volume/issue ("Volume 2, Issue 6") that groups publications; its articles are its "has-part" links.',
  });

export type Issue = z.infer<typeof issueSchema>;
