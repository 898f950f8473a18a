#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages named as arguments when any is missing.
# As root it runs apt-get; with sudo it uses sudo; otherwise it prints the
# exact command and fails, so a build never half-works for a missing header.
set -euo pipefail

missing=()
for pkg in "$@"; do
	status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
	[[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
	echo "Missing build dependencies: ${missing[*]}" >&2
	echo "This is not a Debian/Ubuntu system: install the equivalents (see README, Building from source)." >&2
	exit 1
fi

cmd=(apt-get install -y --no-install-recommends "${missing[@]}")
if [[ $(id -u) -eq 0 ]]; then
	runner=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	runner=(sudo)
else
	echo "Missing build dependencies. Run:" >&2
	echo "  sudo apt-get update && sudo ${cmd[*]}" >&2
	exit 1
fi

echo "Installing build dependencies: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${runner[@]}" apt-get update -qq
"${runner[@]}" "${cmd[@]}"
