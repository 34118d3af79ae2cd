import { adminRouter } from "./routers/admin.js";
import { documentsRouter } from "./routers/documents.js";
import {
  entitiesRouter,
  organizationsRouter,
  peopleRouter,
  regionsRouter,
  topicsRouter,
} from "./routers/entities.js";
import { statsRouter } from "./routers/stats.js";
import { router } from "./trpc.js";

export const appRouter = router({
  documents: documentsRouter,
  people: peopleRouter,
  organizations: organizationsRouter,
  topics: topicsRouter,
  regions: regionsRouter,
  entities: entitiesRouter,
  stats: statsRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
