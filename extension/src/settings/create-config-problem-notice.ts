import { describeConfigProblems } from "./config-problem-text.ts";
import type { ConfigProblem } from "./find-config-problems.ts";
import type { UiLocale } from "./settings.ts";

/**
 * The overlay's notice of a wrong configuration (plain DOM: the content script has no
 * Preact). An alert, so a screen reader says it as soon as the overlay appears.
 */
export function createConfigProblemNotice(
  problems: readonly ConfigProblem[],
  locale: UiLocale,
): HTMLElement {
  const { title, lines, ask } = describeConfigProblems(problems, locale);
  const notice = document.createElement("div");
  notice.className = "launch-error";
  notice.setAttribute("role", "alert");
  notice.dataset.testid = "config-problems";
  notice.lang = locale;
  const heading = document.createElement("strong");
  heading.textContent = title;
  const list = document.createElement("ul");
  for (const line of lines) {
    const item = document.createElement("li");
    item.textContent = line;
    list.append(item);
  }
  const whom = document.createElement("p");
  whom.textContent = ask;
  notice.append(heading, list, whom);
  return notice;
}
