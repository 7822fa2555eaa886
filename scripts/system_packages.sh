#!/usr/bin/env bash
# Install the Debian packages named on the command line when they are missing.
# As root (or with passwordless sudo) they are installed; otherwise the script says
# exactly what to install and exits 0, so the rest of the set-up still runs (features
# that need a missing package refuse with a clear message).
set -u
missing=()
for pkg in "$@"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "!! Please install these system packages: ${missing[*]} (they are needed for PDFs, translations or browser tests)."
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
  echo "!! Not root: please run  sudo apt-get install ${missing[*]}"
  exit 0
fi
echo ">> Installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y -q "${missing[@]}" >/dev/null 2>&1 || { $SUDO apt-get update -q >/dev/null 2>&1 && $SUDO apt-get install -y -q "${missing[@]}" >/dev/null; } \
  || echo "!! Could not install: ${missing[*]}. Please install them with apt-get."
