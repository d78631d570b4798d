// Starts GOV.UK Frontend's components (header menu, error summary focus, details, checkboxes).
import { initAll } from "./govuk-frontend.min.js";

initAll();
