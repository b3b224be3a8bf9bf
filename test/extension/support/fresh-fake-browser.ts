// Test files share their workers (isolate: false): each starts with an empty fake browser
// (storage, listeners, tabs), whatever the file before it left there.
import { fakeBrowser } from "wxt/testing/fake-browser";

fakeBrowser.reset();
