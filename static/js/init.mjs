// Progressive enhancement with GOV.UK Frontend (focus on the error summary, the skip link,
// character counts...). Every page works without it. As a module it runs only in browsers
// GOV.UK Frontend supports, after the page is parsed, from our own files (CSP: script-src 'self').
import { initAll } from "./govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
