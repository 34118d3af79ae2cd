import * as z from "zod";

/**
 * The environment the server and the CLI read, validated once. Nothing else reads process.env.
 * CORPUS_DATABASE_URL: a SQLite file path or a postgres:// URL (default: <repo>/.corpus/library.db).
 */
const environmentSchema = z.object({
  CORPUS_DATABASE_URL: z
    .string()
    .min(1)
    .refine((value) => !/^[a-z]+:\/\//i.test(value) || /^postgres(ql)?:\/\//i.test(value), {
      message: "expected a file path (SQLite) or a postgres:// URL",
    })
    .optional(),
  CORPUS_ADMIN_TOKEN: z.string().min(1).optional(),
  CORPUS_API_URL: z.url().optional(),
  NO_COLOR: z.string().optional(),
});

export type Environment = z.infer<typeof environmentSchema>;

let cached: Environment | undefined;

/** The validated environment; a bad value stops with a message naming the variable. */
export function readEnvironment(source: NodeJS.ProcessEnv = process.env): Environment {
  if (cached && source === process.env) return cached;
  const result = environmentSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
      .join("; ");
    throw new Error(`invalid environment: ${problems}`);
  }
  if (source === process.env) cached = result.data;
  return result.data;
}
