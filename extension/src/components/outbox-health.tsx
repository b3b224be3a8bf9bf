import { useEffect, useState } from "preact/hooks";
import type { OutboxHealth as Health } from "../api/worker-client.ts";
import { uiText } from "../i18n/ui-text.ts";
import type { Reply, ReplyError } from "../messages/extension-message.ts";
import { sendMessage } from "../messages/send-message.ts";
import type { UiLocale } from "../settings/settings.ts";

/** Dates as Belgians write them: a bare "en" would give a 12-hour American clock. */
const format = (locale: UiLocale, iso: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(`${locale}-BE`, options).format(new Date(iso));

/**
 * Whether the worker's deliveries to HD4DP wait for the hospital's IT, and that nothing is
 * lost meanwhile; a calm line when HD4DP only asked to slow down; nothing when all is well.
 * `revision` changes when the settings do (or the user refreshes): it is asked for again.
 */
export function OutboxHealth({ locale, revision }: { locale: UiLocale; revision?: unknown }) {
  const [reply, setReply] = useState<Reply<Health>>();
  useEffect(() => {
    let current = true;
    void sendMessage({ type: "outbox-health" }).then((next) => current && setReply(next));
    return () => {
      current = false;
    };
  }, [revision]);
  if (!reply) return null;
  if (!reply.ok) {
    const text = errorText(locale, reply.error);
    return text ? (
      <p class="error" data-testid="outbox-health">
        {text}
      </p>
    ) : null;
  }
  const { queued, needsIt, rateLimitedUntil, waiting } = reply.value;
  const waitingLines = [
    waiting.dcdUnavailable > 0 &&
      uiText(locale, "outboxDcdUnavailable", { n: waiting.dcdUnavailable }),
    waiting.keyMissing > 0 && uiText(locale, "outboxKeyMissing", { n: waiting.keyMissing }),
  ].filter((line) => line !== false);
  return (
    <>
      {needsIt || waitingLines.length > 0 ? (
        <div role="alert" class="error" data-testid="outbox-health">
          {needsIt ? (
            <>
              <strong>{needsIt.title}</strong>
              <p>{needsIt.detail}</p>
              <p>
                {uiText(locale, "outboxSince", {
                  date: format(locale, needsIt.since, { dateStyle: "medium", timeStyle: "short" }),
                })}{" "}
                {uiText(locale, "outboxWaiting", { n: queued })}
              </p>
            </>
          ) : (
            <strong>{uiText(locale, "outboxWaitingForIt")}</strong>
          )}
          {waitingLines.length > 0 ? (
            <ul>
              {waitingLines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {rateLimitedUntil ? (
        <p role="status" data-testid="outbox-rate-limited">
          {uiText(locale, "outboxRateLimited", {
            time: format(locale, rateLimitedUntil, { timeStyle: "short" }),
          })}
        </p>
      ) : null}
    </>
  );
}

/**
 * What keeps the state from being known. A missing URL or token is no news here: the popup's
 * configuration notice says it, and the options page is where it is set. A worker error with
 * a success status is a reply of the wrong shape (a worker of another version).
 */
function errorText(locale: UiLocale, error: ReplyError): string | undefined {
  if (error.kind === "config") return undefined;
  if (error.kind === "unreachable") return uiText(locale, "outboxUnreachable");
  if (error.kind === "worker" && (error.status ?? 0) >= 400)
    return uiText(locale, "outboxRefused", { detail: error.message });
  return uiText(locale, "outboxUnreadable", { detail: error.message });
}
