import { declareSweep } from "./support/sweep";

// Every page (e2e/support/page-list.ts) in one language at one width; the four sweep files run side by side.
declareSweep({ locale: "nl", width: "phone" });
