import type { Issue } from "../../../shared-schema/src/dcd.ts";

interface FieldIssuesProps {
  id: string;
  issues: Issue[];
}

/** Errors and warnings of one field, right under it; the control points here (aria-describedby). */
export function FieldIssues({ id, issues }: FieldIssuesProps) {
  if (issues.length === 0) return <div id={id} class="issues" />;
  return (
    <ul id={id} class="issues">
      {issues.map((issue) => (
        <li key={`${issue.code}-${issue.message}`} class={`issue ${issue.severity}`}>
          <span class="issue-icon" aria-hidden="true">
            {issue.severity === "error" ? "✖" : "⚠"}
          </span>{" "}
          {issue.message}
        </li>
      ))}
    </ul>
  );
}
