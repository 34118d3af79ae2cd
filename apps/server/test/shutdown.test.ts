import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";

const fixture = fileURLToPath(new URL("./fixtures/slow-server.mjs", import.meta.url));
const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

function collect(child: ChildProcess) {
  const output = { stdout: "", stderr: "" };
  child.stdout?.on("data", (chunk) => {
    output.stdout += String(chunk);
  });
  child.stderr?.on("data", (chunk) => {
    output.stderr += String(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { output, exited };
}

describe("graceful shutdown", () => {
  it("a slow request in flight when SIGTERM arrives still completes; the process exits 0", async () => {
    const child = spawn(process.execPath, [fixture], { stdio: ["ignore", "pipe", "pipe"] });
    const { output, exited } = collect(child);
    const url = await vi.waitFor(
      () => {
        const match = /listening (http:\S+)/.exec(output.stdout);
        if (!match?.[1]) throw new Error(`not listening yet: ${output.stderr}`);
        return match[1];
      },
      { timeout: 20_000, interval: 50 },
    );
    const slow = fetch(`${url}/api/v1/documents/search?text=slow`);
    await vi.waitFor(
      () => {
        if (!output.stdout.includes("slow request started")) throw new Error("not in flight yet");
      },
      { timeout: 10_000, interval: 20 },
    );
    child.kill("SIGTERM");
    const response = await slow;
    expect(response.status).toBe(200);
    expect(((await response.json()) as { total: number }).total).toBeGreaterThanOrEqual(0);
    // New connections are refused once shutdown has begun.
    await vi.waitFor(async () => {
      await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    });
    expect(await exited).toBe(0);
    expect(output.stdout).toContain("store closed: true");
  });

  it("corpus serve starts, answers and exits 0 on SIGINT", async () => {
    const directory = mkdtempSync(join(tmpdir(), "corpus-serve-"));
    const child = spawn(
      process.execPath,
      [cli, "serve", "--port", "0", "--db", join(directory, "library.db"), "--log-level", "warn"],
      {
        stdio: ["ignore", "pipe", "pipe"],
        env: withoutAdminToken(),
      },
    );
    const { output, exited } = collect(child);
    const url = await vi.waitFor(
      () => {
        const match = /API on (http:\S+)/.exec(output.stderr);
        if (!match?.[1]) throw new Error(`not listening yet: ${output.stderr}`);
        return match[1];
      },
      { timeout: 20_000, interval: 50 },
    );
    expect(output.stderr).toContain("writes off");
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    rmSync(directory, { recursive: true, force: true });
  });

  it("corpus serve refuses bad options with exit code 2", async () => {
    const child = spawn(process.execPath, [cli, "serve", "--port", "seventy"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const { output, exited } = collect(child);
    expect(await exited).toBe(2);
    expect(output.stderr).toMatch(/--port needs/);
  });
});

function withoutAdminToken(): NodeJS.ProcessEnv {
  const { CORPUS_ADMIN_TOKEN: _token, ...rest } = process.env;
  return rest;
}
