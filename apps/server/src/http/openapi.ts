import * as z from "zod";
import { restRoutes } from "./rest-routes.js";

const componentUri = (id: string) => `#/components/schemas/${id}`;
const jsonSchemaOptions = { uri: componentUri, io: "output", unrepresentable: "any" } as const;

function withoutDocumentKeys(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _schema, $id: _id, $defs: _defs, ...rest } = schema;
  return rest;
}

function responseSchema(output: z.ZodType): Record<string, unknown> {
  const id = z.globalRegistry.get(output)?.id;
  if (id) return { $ref: componentUri(id) };
  return withoutDocumentKeys(z.toJSONSchema(output, jsonSchemaOptions) as Record<string, unknown>);
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
        : { description: "OK", content: { "application/json": { schema: responseSchema(route.output) } } };
    paths[`/api/v1/${route.pattern}`] = {
      get: {
        operationId,
        summary: route.summary,
        description: `Calls the tRPC procedure \`${route.procedure}\`.`,
        parameters: route.parameters.map((parameter) => ({
          name: parameter.name,
          in: parameter.in,
          required: parameter.in === "path",
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
        "The read procedures of a Corpus library over plain HTTP. Writes (admin.*) are tRPC mutations at /trpc and need 'Authorization: Bearer <token>'.",
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    paths,
    components: { schemas: components },
  };
}
