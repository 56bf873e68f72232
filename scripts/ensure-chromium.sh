#!/usr/bin/env bash
# The browser test (packages/codegen/test/browser.test.ts) drives Debian's Chromium through playwright-core, which
# never downloads a browser of its own. Part of `pnpm test`, so the README's test command works on a fresh machine.
set -euo pipefail
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else
  echo "The browser test needs Chromium at /usr/bin/chromium: install it with \`apt-get install chromium\`." >&2
  exit 1
fi
echo "Installing Chromium for the browser test (Debian package \`chromium\`)…" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
