import * as z from "zod";
import { restRoutes } from "./rest-routes.js";

const componentUri = (id: string) => `#/components/schemas/${id}`;
const jsonSchemaOptions = { uri: componentUri, io: "output", unrepresentable: "any" } as const;

function withoutDocumentKeys(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _schema, $id: _id, $defs: _defs, ...rest } = schema;
  return rest;
}

/** Points every "#/$defs/X" reference at "#/components/schemas/X", where OpenAPI looks for it. */
function withComponentReferences(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withComponentReferences);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      key === "$ref" && typeof item === "string" && item.startsWith("#/$defs/")
        ? componentUri(item.slice("#/$defs/".length))
        : withComponentReferences(item),
    ]),
  );
}

/**
 * A response body's schema. zod names the registered schemas that a one-off schema (an array of
 * records) uses in its own "$defs", which an OpenAPI document does not resolve; they move to the
 * components, next to the ones the registry already put there.
 */
function responseSchema(output: z.ZodType, components: Record<string, unknown>): Record<string, unknown> {
  const id = z.globalRegistry.get(output)?.id;
  if (id) return { $ref: componentUri(id) };
  const schema = z.toJSONSchema(output, jsonSchemaOptions) as Record<string, unknown>;
  const definitions = (schema.$defs ?? {}) as Record<string, unknown>;
  for (const [name, definition] of Object.entries(definitions))
    components[name] ??= withComponentReferences(definition);
  return withComponentReferences(withoutDocumentKeys(schema)) as Record<string, unknown>;
}

const errorResponse = {
  description: "An error: what happened and what to do. Validation errors list the input paths at fault.",
  content: { "application/json": { schema: { $ref: componentUri("ErrorResponse") } } },
};

/** The OpenAPI 3.1 document of the REST face, built from the same route table and zod schemas that serve it. */
export function createOpenApiDocument(serverUrl?: string): Record<string, unknown> {
  const components: Record<string, unknown> = {};
  const all = z.toJSONSchema(z.globalRegistry, jsonSchemaOptions) as {
    schemas: Record<string, Record<string, unknown>>;
  };
  for (const [id, schema] of Object.entries(all.schemas)) components[id] = withoutDocumentKeys(schema);
  components.ErrorResponse = {
    type: "object",
    required: ["error"],
    properties: {
      error: {
        type: "object",
        required: ["code", "message"],
        properties: {
          code: { type: "string", description: 'e.g. "BAD_REQUEST", "NOT_FOUND", "TOO_MANY_REQUESTS".' },
          message: { type: "string" },
          issues: {
            type: "array",
            items: {
              type: "object",
              properties: { path: { type: "string" }, message: { type: "string" } },
              required: ["path", "message"],
            },
          },
        },
      },
    },
  };

  const paths: Record<string, Record<string, unknown>> = {};
  const operationIds = new Set<string>();
  for (const route of restRoutes) {
    let operationId = route.procedure;
    if (operationIds.has(operationId)) operationId = `${route.procedure}.by-${route.pattern.split("/")[0]}`;
    operationIds.add(operationId);
    const ok =
      route.output === "stream"
        ? {
            description: "The export, streamed.",
            content: {
              "application/x-ndjson": { schema: { type: "string" } },
              "text/csv": { schema: { type: "string" } },
            },
          }
        : {
            description: "OK",
            content: { "application/json": { schema: responseSchema(route.output, components) } },
          };
    paths[`/api/v1/${route.pattern}`] = {
      get: {
        operationId,
        summary: route.summary,
        description: `Calls the tRPC procedure \`${route.procedure}\`.`,
        parameters: route.parameters.map((parameter) => ({
          name: parameter.name,
          in: parameter.in,
          required: parameter.in === "path" || parameter.required === true,
          description: parameter.description,
          schema: parameter.schema,
          ...(parameter.repeatable ? { style: "form", explode: true } : {}),
        })),
        responses: {
          "200": ok,
          "400": errorResponse,
          "404": errorResponse,
          "429": { ...errorResponse, headers: { "Retry-After": { schema: { type: "integer" } } } },
          "500": errorResponse,
          "503": { ...errorResponse, description: "The library's database is not answering; try again." },
        },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Corpus API",
      version: "1",
      description:
        "The read procedures of a Corpus library over plain HTTP. Parameters documented as arrays may be repeated or comma-separated; any other parameter is given at most once, and an unknown one is refused (400). Writes (admin.*) are tRPC mutations at /trpc and need 'Authorization: Bearer <token>'.",
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    paths,
    components: { schemas: components },
  };
}
