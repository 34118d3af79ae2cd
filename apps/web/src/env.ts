// The one place that reads process.env (house style): validated once, on first use.

export interface WebEnvironment {
  /** Where the API server listens, without a trailing slash: "http://127.0.0.1:4000". */
  apiUrl: string;
}

let cached: WebEnvironment | undefined;

export function readEnvironment(source: Record<string, string | undefined> = process.env): WebEnvironment {
  const raw = source.CORPUS_API_URL?.trim() || "http://127.0.0.1:4000";
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(
      `CORPUS_API_URL is not a URL: "${raw}". Set it to the API server's address, e.g. http://127.0.0.1:4000.`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`CORPUS_API_URL must start with http:// or https://, got "${raw}".`);
  }
  return { apiUrl: url.toString().replace(/\/+$/, "") };
}

export function environment(): WebEnvironment {
  cached ??= readEnvironment();
  return cached;
}
