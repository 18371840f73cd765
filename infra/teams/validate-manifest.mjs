// Checks a Teams app manifest against Microsoft's JSON schema of its manifestVersion, as shipped in the npm
// package @microsoft/app-manifest (the one the Microsoft 365 Agents Toolkit validates with), with the same
// validator settings as that package's ManifestUtil.validateManifestAgainstSchema (Ajv, draft-04, formats).
// Usage: node validate-manifest.mjs manifest.json <folder where @microsoft/app-manifest is installed>
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const [manifestPath, toolsFolder] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(toolsFolder), "package.json"));
const Ajv = require("ajv-draft-04");
const addFormats = require("ajv-formats");
const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
const schemaPath = path.join(
  path.dirname(require.resolve("@microsoft/app-manifest/package.json")),
  "build", "json-schemas", "teams", `v${manifest.manifestVersion}`, "MicrosoftTeams.schema.json");
// The published schemas carry a "\a" in a pattern that JavaScript rejects; the package replaces it the same way.
const schema = JSON.parse(readFileSync(schemaPath, "utf8").replace(/\\a/g, "\\x07"));
const ajv = new Ajv({ allErrors: true, strictTypes: false });
addFormats(ajv, ["uri", "email", "regex"]);
const validate = ajv.compile(schema);
if (!validate(manifest)) {
  console.error(`manifest.json does not match the Teams manifest schema v${manifest.manifestVersion}:`);
  for (const error of validate.errors) console.error(`  ${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`);
  process.exit(1);
}
console.log(`manifest.json matches the Teams manifest schema v${manifest.manifestVersion}`);
