#!/usr/bin/env bash
# Debian packages the tests drive for real: Chromium (web form test), LibreOffice
# (the drafts must open in it), a CJK font (so the PDF shows Chinese) and a
# PostgreSQL server (the store against PostgreSQL), Tesseract with the simplified-Chinese model
# (scanned pleadings). Installed only when missing and
# when we are root; otherwise the tests that need them skip and say why.
set -u
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
fc-list 2>/dev/null | grep -qi "cjk" || need+=(fonts-noto-cjk)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
tesseract --list-langs 2>/dev/null | grep -qx chi_sim || need+=(tesseract-ocr-chi-sim)
if [ ${#need[@]} -eq 0 ]; then
  echo "system-deps: all present"
  exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: missing ${need[*]} (not root or no apt-get): tests that need them will skip"
  exit 0
fi
echo "system-deps: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null 2>&1 || true
apt-get install -y -q --no-install-recommends "${need[@]}" >/tmp/yaosu-system-deps.log 2>&1 \
  || echo "system-deps: apt-get install failed (see /tmp/yaosu-system-deps.log); dependent tests will skip"
exit 0
