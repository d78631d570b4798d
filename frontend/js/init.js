// Starts GOV.UK Frontend's components (service navigation menu, skip link, error summary
// focus, checkboxes, buttons). govuk-frontend.min.js is copied beside this file by build.mjs.
import { initAll } from "./govuk-frontend.min.js";

initAll();

// The programme filters are open without JavaScript. On a phone they would push the results
// a long way down, so fold them away there; the reader can open them with one tap.
const narrow = window.matchMedia("(max-width: 40.0525em)");
if (narrow.matches) {
  document.querySelectorAll("details[data-portal-filters]").forEach((panel) => {
    panel.open = false;
  });
}
