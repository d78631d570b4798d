// Compiles the portal stylesheet from GOV.UK Frontend and copies its script and the portal's
// own images into frontend/dist, which Django serves as static files.
import { cpSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "frontend", "dist");
const govuk = join(root, "node_modules", "govuk-frontend", "dist", "govuk");

mkdirSync(join(dist, "css"), { recursive: true });
mkdirSync(join(dist, "js"), { recursive: true });
mkdirSync(join(dist, "images"), { recursive: true });

const result = sass.compile(join(root, "frontend", "scss", "portal.scss"), {
  loadPaths: [join(root, "node_modules")],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(join(dist, "css", "portal.css"), result.css);

// GOV.UK Frontend's images carry the crown, which only GOV.UK may use, so none is shown.
// A file the stylesheet still names (such as the footer crest of an unused class) is copied
// so that hashed static file storage can resolve every url() when collecting static files.
for (const [, name] of result.css.matchAll(/url\("?\/static\/images\/([^")]+)"?\)/g)) {
  const source = join(govuk, "assets", "images", name);
  if (existsSync(source)) cpSync(source, join(dist, "images", name));
}
cpSync(join(root, "frontend", "images"), join(dist, "images"), { recursive: true });
cpSync(join(govuk, "govuk-frontend.min.js"), join(dist, "js", "govuk-frontend.min.js"));
cpSync(join(root, "frontend", "js"), join(dist, "js"), { recursive: true });
console.log("Built frontend/dist");
