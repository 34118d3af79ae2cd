import { citationFileName, citationFormat } from "@/lib/citations";
import { describeApiFailure, isNotFound } from "@/lib/load";
import { documentIdFromSegment } from "@/lib/route-ids";
import { environment } from "@/env";
import { apiClient } from "@/trpc/server";

export const dynamic = "force-dynamic";

/** The reference as a file download: works without JavaScript, and names the file sensibly. */
export async function GET(_request: Request, context: { params: Promise<{ slug: string; format: string }> }) {
  const { slug, format } = await context.params;
  const known = citationFormat(format);
  if (!known) {
    return new Response(`Unknown citation format "${format}": use bibtex, ris, csl-json or apa.\n`, {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const id = documentIdFromSegment(slug);
  if (!id) {
    return new Response(`No document "${slug}" in this library: check the address.\n`, {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  try {
    const citation = await apiClient.documents.cite.query({ id, format: known.value });
    return new Response(citation.text, {
      headers: {
        "content-type": `${known.mediaType}; charset=utf-8`,
        "content-disposition": `attachment; filename="${citationFileName(id, known.value)}"`,
      },
    });
  } catch (error) {
    const status = isNotFound(error) ? 404 : 502;
    const message = isNotFound(error)
      ? `No document "${id}" in this library.`
      : describeApiFailure(error, environment().apiUrl).message;
    return new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
}
