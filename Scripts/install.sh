#!/usr/bin/env bash
# Installs a release build of kompas into PREFIX (default /usr/local):
#   PREFIX/bin/kompas, PREFIX/bin/kompas-gemeente, PREFIX/share/kompas/Locales/*.json,
#   PREFIX/share/man/man1/kompas.1, kompas-gemeente.1
# The build defines KOMPAS_INSTALLED, which turns off the source-tree fallback for Locales,
# so the installed binary depends only on what is in PREFIX. The Swift runtime and Foundation are
# linked statically (--static-swift-stdlib): nothing of the toolchain is needed where it runs, and
# a cold start does not resolve 29 shared libraries (issue 23).
set -euo pipefail
prefix=${1:-/usr/local}
here=$(cd "$(dirname "$0")/.." && pwd)
scratch=${KOMPAS_INSTALL_SCRATCH:-$here/.build-install}
cd "$here"
flags=(-c release --scratch-path "$scratch" --static-swift-stdlib -Xswiftc -DKOMPAS_INSTALLED)
swift build "${flags[@]}" --product kompas >&2
swift build "${flags[@]}" --product kompas-gemeente >&2
bin=$(swift build "${flags[@]}" --show-bin-path)
install -d "$prefix/bin" "$prefix/share/kompas/Locales" "$prefix/share/man/man1"
install -m 0755 "$bin/kompas" "$bin/kompas-gemeente" "$prefix/bin/"
install -m 0644 Locales/*.json "$prefix/share/kompas/Locales/"
# The translations' glossaries (issue 24): the Dutch words they keep, explained.
install -d "$prefix/share/kompas/Locales/glossary"
install -m 0644 Locales/glossary/*.json "$prefix/share/kompas/Locales/glossary/"
install -m 0644 man/*.1 "$prefix/share/man/man1/"
echo "installed kompas into $prefix" >&2
