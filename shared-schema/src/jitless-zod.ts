import * as z from "zod/mini";

// Every schema of this product is parsed jitless: Workers and MV3 extension pages forbid
// the code generation zod would otherwise try (and each try raises a CSP report in a page).
// It is set here, in a module the schemas import first, because zod reads the setting when
// a schema is built: a module building schemas at load would otherwise run before an entry
// point's own z.config(), and a mix of both kinds of schemas slows every parse.
z.config({ jitless: true });
