const cache = new Map<string, RegExp>();

/** `*` matches any run of characters; everything else is literal. */
export function matchUrlGlob(glob: string, url: string): boolean {
  let regex = cache.get(glob);
  if (!regex) {
    const source = glob.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"));
    regex = new RegExp(`^${source.join(".*")}$`);
    cache.set(glob, regex);
  }
  return regex.test(url);
}
