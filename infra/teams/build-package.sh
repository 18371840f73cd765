#!/usr/bin/env bash
# Builds the Teams app package (manifest.json + both icons, zipped) to upload in Teams or the admin center.
#
# The bot id and public URL come from the same configuration StudyBot runs with:
#   StudyBot__Teams__AppId          the Azure Bot's Microsoft App ID (required)
#   StudyBot__Teams__PublicBaseUrl  https root where StudyBot is reachable (required; its host becomes validDomains)
# or from a JSON settings file (appsettings.Production.json, …) given with --settings FILE, read at
# StudyBot:Teams:AppId and StudyBot:Teams:PublicBaseUrl. Environment variables win over the file.
#
# Optional: STUDYBOT_TEAMS_APP_VERSION (default 1.0.0; raise it for every re-upload),
#           STUDYBOT_TEAMS_DEVELOPER (default "StudyBot"),
#           STUDYBOT_TEAMS_PRIVACY_URL, STUDYBOT_TEAMS_TERMS_URL (default: the public base URL),
#           --out FILE (default infra/teams/build/studybot-teams.zip).
# The manifest is checked against Microsoft's JSON schema of its manifestVersion (schema/, from the npm package
# @microsoft/app-manifest) with Python's jsonschema (pip install jsonschema).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
settings="" out="$here/build/studybot-teams.zip"
while [ $# -gt 0 ]; do
  case "$1" in
    --settings) settings="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "usage: $0 [--settings appsettings.json] [--out package.zip]" >&2; exit 2 ;;
  esac
done
if [ -n "$settings" ] && [ ! -f "$settings" ]; then
  echo "--settings: no file '$settings'." >&2
  exit 1
fi
mkdir -p "$(dirname "$out")"
out="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"  # the zip is written from a temporary folder

from_settings() { # $1 = key below StudyBot:Teams
  [ -n "$settings" ] || return 0
  python3 - "$settings" "$1" <<'PY'
import json, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
text = re.sub(r'^\s*//.*$', '', text, flags=re.M)  # appsettings files may carry // comments
value = json.loads(text).get("StudyBot", {}).get("Teams", {}).get(sys.argv[2])
print(value or "")
PY
}

app_id="${StudyBot__Teams__AppId:-$(from_settings AppId)}"
base_url="${StudyBot__Teams__PublicBaseUrl:-$(from_settings PublicBaseUrl)}"
version="${STUDYBOT_TEAMS_APP_VERSION:-1.0.0}"
developer="${STUDYBOT_TEAMS_DEVELOPER:-StudyBot}"

if ! [[ "$app_id" =~ ^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$ ]]; then
  echo "StudyBot:Teams:AppId must be the bot's Microsoft App ID (a GUID); got '${app_id}'." >&2
  exit 1
fi
if ! [[ "$base_url" =~ ^https://[^/]+ ]]; then
  echo "StudyBot:Teams:PublicBaseUrl must be the https:// root StudyBot is served at; got '${base_url}'." >&2
  exit 1
fi
base_url="${base_url%/}"
host="${base_url#https://}"; host="${host%%/*}"
privacy="${STUDYBOT_TEAMS_PRIVACY_URL:-$base_url}"
terms="${STUDYBOT_TEAMS_TERMS_URL:-$base_url}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sed -e "s|{{BOT_ID}}|$app_id|g" -e "s|{{PUBLIC_BASE_URL}}|$base_url|g" -e "s|{{PUBLIC_HOST}}|$host|g" \
    -e "s|{{APP_VERSION}}|$version|g" -e "s|{{DEVELOPER_NAME}}|$developer|g" \
    -e "s|{{PRIVACY_URL}}|$privacy|g" -e "s|{{TERMS_URL}}|$terms|g" \
    "$here/manifest.template.json" > "$work/manifest.json"
if grep -q '{{' "$work/manifest.json"; then
  echo "manifest.json still has placeholders:" >&2; grep -n '{{' "$work/manifest.json" >&2; exit 1
fi
python3 - "$work/manifest.json" "$here/schema" <<'PY'
import json, os, sys
try:
    import jsonschema
except ImportError:
    sys.exit("Checking manifest.json needs Python's jsonschema: pip install jsonschema")
manifest = json.load(open(sys.argv[1], encoding="utf-8"))
schema_file = os.path.join(sys.argv[2], f"MicrosoftTeams.v{manifest['manifestVersion']}.schema.json")
schema = json.load(open(schema_file, encoding="utf-8"))
errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(manifest), key=lambda e: list(e.absolute_path))
for error in errors:
    print(f"manifest.json {'/'.join(map(str, error.absolute_path)) or '(root)'}: {error.message}", file=sys.stderr)
if errors:
    sys.exit(f"manifest.json does not match the Teams manifest schema v{manifest['manifestVersion']}")
PY
cp "$here/color.png" "$here/outline.png" "$work/"

rm -f "$out"
(cd "$work" && python3 -m zipfile -c "$out" manifest.json color.png outline.png)
echo "Teams app package: $out (bot $app_id, served at $base_url)"
