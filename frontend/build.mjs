// Compiles the portal stylesheet from GOV.UK Frontend and copies its script and assets
// into frontend/dist, which Django serves as static files.
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "frontend", "dist");
const govuk = join(root, "node_modules", "govuk-frontend", "dist", "govuk");

mkdirSync(join(dist, "css"), { recursive: true });
mkdirSync(join(dist, "js"), { recursive: true });

const result = sass.compile(join(root, "frontend", "scss", "portal.scss"), {
  loadPaths: [join(root, "node_modules")],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(join(dist, "css", "portal.css"), result.css);
cpSync(join(govuk, "govuk-frontend.min.js"), join(dist, "js", "govuk-frontend.min.js"));
cpSync(join(govuk, "assets", "images"), join(dist, "images"), { recursive: true });
cpSync(join(root, "frontend", "js"), join(dist, "js"), { recursive: true });
console.log("Built frontend/dist");
