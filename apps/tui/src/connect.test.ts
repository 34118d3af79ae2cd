import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect, connectToServer, serverAnswers } from "./connect.js";
import { describeError } from "./data-source.js";

let server: Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

async function serve(status: number, body: string): Promise<string> {
  server = createServer((request, response) => {
    response.writeHead(status, { "content-type": "application/json" });
    // A hung server: healthy at /healthz, silent everywhere else.
    if (request.url?.startsWith("/trpc")) return;
    response.end(body);
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

describe("choosing between the server and the local library", () => {
  it("uses a server only when it answers Corpus's health check", async () => {
    expect(await serverAnswers(await serve(200, '{"status":"ok"}'))).toBe(true);
  });

  it("does not mistake another program on the port for a Corpus server", async () => {
    expect(await serverAnswers(await serve(404, "<html>not here</html>"))).toBe(false);
  });

  it("falls back to the local library when nothing listens, and says why it could not when that fails", async () => {
    await expect(
      connect({ server: "http://127.0.0.1:9", databaseUrl: "postgres://reader:hunter2@127.0.0.1:1/none" }),
    ).rejects.toThrow(
      /no server answers at http:\/\/127\.0\.0\.1:9, and the local library postgres:\/\/127\.0\.0\.1:1\/none could not be opened: /,
    );
  });

  it("does not blame a server it never asked when the library --db names cannot be opened", async () => {
    const folder = mkdtempSync(join(tmpdir(), "corpus-tui-connect-"));
    try {
      // A folder where a library file should be: SQLite cannot open it.
      const failure = await connect({ server: "http://127.0.0.1:9", databaseUrl: folder, local: true }).then(
        () => undefined,
        (error: unknown) => (error as Error).message,
      );
      expect(failure).toMatch(new RegExp(`^the library ${folder} could not be opened: .+[.!?]$`));
      expect(failure).not.toContain("no server answers");
      expect(failure).not.toMatch(/\.\)\./);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("runs in-process and labels itself so when nothing listens", async () => {
    const source = await connect({ server: "http://127.0.0.1:9", databaseUrl: ":memory:" });
    try {
      expect(source.mode).toBe("in-process");
      expect(source.label).toContain("no server at http://127.0.0.1:9");
      expect((await source.search({ text: "" })).total).toBe(0);
    } finally {
      await source.close();
    }
  });

  it("opens the library --db names without asking a server that happens to answer", async () => {
    const answering = await serve(200, '{"status":"ok"}');
    const source = await connect({ server: answering, databaseUrl: ":memory:", local: true });
    try {
      expect(source.mode).toBe("in-process");
      expect(source.label).toBe("in-process · :memory:");
    } finally {
      await source.close();
    }
  });

  it("gives up on a server that stops answering, and says so instead of waiting forever", async () => {
    const source = connectToServer(await serve(200, '{"status":"ok"}'), { timeoutMs: 200 });
    const failure = await source.search({ text: "sudan" }).catch((error: unknown) => error);
    expect(describeError(failure)).toMatch(/did not answer in time/);
  });

  it("does not create an empty library where none is: a mistyped --db says so", async () => {
    const folder = mkdtempSync(join(tmpdir(), "corpus-tui-connect-"));
    const missing = join(folder, "typo.db");
    try {
      await expect(connect({ server: "http://127.0.0.1:9", databaseUrl: missing })).rejects.toThrow(
        /there is no library at .*typo\.db/,
      );
      expect(existsSync(missing)).toBe(false);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
