// How the report names a place in a reply: `body[0].status`, `body.dataCollections`. Keys
// come from HD4DP, so an odd or long one is quoted or described like any value.
import { describeValue } from "./describe-value.ts";

const PLAIN_KEY = /^[A-Za-z_$][\w$]{0,39}$/;

/** With `indexes: "collapsed"`, every array index reads `[]`: one line for all items. */
export function formatPath(
  path: readonly PropertyKey[],
  indexes: "shown" | "collapsed" = "shown",
): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === "number") return `${text}[${indexes === "shown" ? key : ""}]`;
    const name = String(key);
    return PLAIN_KEY.test(name) ? `${text}.${name}` : `${text}[${describeValue(name)}]`;
  }, "body");
}
