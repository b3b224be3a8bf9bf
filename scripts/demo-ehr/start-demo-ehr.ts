import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { findDemoPatient } from "./demo-patients.ts";
import { renderDeChart } from "./render-de-chart.ts";
import { renderEnChart } from "./render-en-chart.ts";
import { renderFrChart } from "./render-fr-chart.ts";
import { renderIndex } from "./render-index.ts";
import { renderNlApp } from "./render-nl-app.ts";
import { renderPortal } from "./render-portal.ts";

export interface DemoEhrOptions {
  /** 0 picks a free port (tests). */
  port?: number;
  host?: string;
}

export interface DemoEhr {
  url: string;
  close(): Promise<void>;
}

/**
 * The demo EHR: static chart pages of synthetic patients, in French, German and English
 * (server-rendered) and Dutch (single-page app), for trying the extension and for its
 * end-to-end tests.
 */
export function startDemoEhr({
  port = 8789,
  host = "127.0.0.1",
}: DemoEhrOptions = {}): Promise<DemoEhr> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://demo.invalid");
    const filler = Math.min(Number(url.searchParams.get("filler")) || 0, 100_000);
    const send = (status: number, type: string, body: string) => {
      response.writeHead(status, {
        "content-type": `${type}; charset=utf-8`,
        "cache-control": "no-store",
      });
      response.end(body);
    };
    if (request.method !== "GET" && request.method !== "HEAD")
      return send(405, "text/plain", "Method not allowed");
    if (url.pathname === "/") return send(200, "text/html", renderIndex());

    const fr = /^\/fr\/dossier\/([\w-]+)$/.exec(url.pathname);
    if (fr) {
      const patient = findDemoPatient(fr[1] ?? "");
      if (patient) return send(200, "text/html", renderFrChart(patient, filler));
    }
    const de = /^\/de\/akte\/([\w-]+)$/.exec(url.pathname);
    const dePatient = de ? findDemoPatient(de[1] ?? "") : undefined;
    if (dePatient) return send(200, "text/html", renderDeChart(dePatient, filler));
    const en = /^\/en\/chart\/([\w-]+)$/.exec(url.pathname);
    const enPatient = en ? findDemoPatient(en[1] ?? "") : undefined;
    if (enPatient) return send(200, "text/html", renderEnChart(enPatient, filler));
    const portal = /^\/portal\/([\w-]+)$/.exec(url.pathname);
    const portalPatient = portal ? findDemoPatient(portal[1] ?? "") : undefined;
    if (portalPatient) return send(200, "text/html", renderPortal(portalPatient));
    if (url.pathname === "/nl/" || /^\/nl\/patient\/[\w-]+$/.test(url.pathname)) {
      return send(200, "text/html", renderNlApp(filler));
    }
    const api = /^\/api\/nl\/patients\/([\w-]+)$/.exec(url.pathname);
    if (api) {
      const patient = findDemoPatient(api[1] ?? "");
      if (patient) return send(200, "application/json", JSON.stringify(patient));
    }
    if (url.pathname === "/favicon.ico") {
      response.writeHead(204).end();
      return;
    }
    send(404, "text/plain", "Not found");
  });

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address() as AddressInfo;
      const shownHost = host.includes(":") ? `[${host}]` : host;
      resolve({
        url: `http://${shownHost}:${actual}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
