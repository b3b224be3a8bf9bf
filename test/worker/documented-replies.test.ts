import { describe, expect, it } from "vitest";
import { checkDocumentedReply } from "./support/check-documented-reply.ts";

// The check every call() of these tests goes through must be able to fail.
const url = (path: string) => `https://worker.test${path}`;
const json = (body: unknown, status = 200, type = "application/json") =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": type } });

describe("checkDocumentedReply", () => {
  const list = { dcds: [{ id: "X", version: "1.0.0", label: "X", default: true, s2s: false }] };

  it("takes a reply as documented", async () => {
    await expect(checkDocumentedReply("GET", url("/v1/dcds"), json(list))).resolves.toBeUndefined();
  });

  it("refuses a body its schema does not take, naming the route and status", async () => {
    const wrong = { dcds: [{ ...list.dcds[0], default: "yes" }] };
    await expect(checkDocumentedReply("GET", url("/v1/dcds"), json(wrong))).rejects.toThrow(
      /GET \/v1\/dcds -> 200: .*default/,
    );
  });

  it("refuses a status or a media type the route does not document", async () => {
    await expect(checkDocumentedReply("GET", url("/v1/dcds"), json(list, 418))).rejects.toThrow(
      /has no such status/,
    );
    const text = new Response("ok", { headers: { "Content-Type": "text/plain" } });
    await expect(checkDocumentedReply("GET", url("/v1/dcds"), text)).rejects.toThrow(
      /no text\/plain documented/,
    );
  });

  it("holds a path no route has to the problem schema", async () => {
    const problem = { type: "about:blank", title: "Not found", status: 404, detail: "No /x." };
    const type = "application/problem+json";
    await expect(
      checkDocumentedReply("GET", url("/x"), json(problem, 404, type)),
    ).resolves.toBeUndefined();
    await expect(
      checkDocumentedReply("GET", url("/x"), json({ title: 1 }, 404, type)),
    ).rejects.toThrow(/undocumented reply/);
  });
});
