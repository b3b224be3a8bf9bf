/** An XML property list of the subset the generator writes (dict, array, string, integer, real, booleans). */
export function parsePlist(xml: string): unknown {
  const tokens = [
    ...xml.matchAll(/<(\/?)(dict|array|key|string|integer|real|true|false)(\/?)>([^<]*)/g),
  ];
  let index = 0;
  const unescapeText = (s: string) =>
    s.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");

  function next(): RegExpMatchArray {
    const token = tokens[index++];
    if (!token) throw new Error("unexpected end of plist");
    return token;
  }
  function value(): unknown {
    const [, close, tag, selfClosing, text = ""] = next();
    if (close) throw new Error(`unexpected </${tag}>`);
    switch (tag) {
      case "true":
      case "false":
        return tag === "true";
      case "string":
        next();
        return unescapeText(text);
      case "integer":
      case "real":
        next();
        return Number(text);
      case "array": {
        const list: unknown[] = [];
        if (selfClosing) return list;
        while (tokens[index]?.[2] !== "array" || !tokens[index]?.[1]) list.push(value());
        next();
        return list;
      }
      case "dict": {
        const dict: Record<string, unknown> = {};
        if (selfClosing) return dict;
        while (tokens[index]?.[2] !== "dict" || !tokens[index]?.[1]) {
          const [, , keyTag, , key = ""] = next();
          if (keyTag !== "key") throw new Error(`expected <key>, got <${keyTag}>`);
          next();
          dict[unescapeText(key)] = value();
        }
        next();
        return dict;
      }
      default:
        throw new Error(`unexpected <${tag}>`);
    }
  }
  return value();
}
