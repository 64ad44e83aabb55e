// Copies GOV.UK Frontend's JavaScript bundle to static/js/ (part of `npm run build`).
// The portal works without JavaScript; this only enhances components
// (character count, error summary focus, notification banner focus...).
// No GOV.UK images or fonts are copied: a council service must not use the
// crown or GOV.UK branding, and the stylesheet uses system fonts only.
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const dist = join(dirname(require.resolve("govuk-frontend/package.json")), "dist", "govuk");

mkdirSync("static/js", { recursive: true });
copyFileSync(join(dist, "govuk-frontend.min.js"), "static/js/govuk-frontend.min.js");
