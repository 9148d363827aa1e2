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
# Two start-up costs of that static link, measured with callgrind and hyperfine (issue 23):
# - The toolchain's static-stdlib-args.lnk links libstdc++ as a shared library. Loading it, and
#   binding the ≈ 770 C++ ABI references of the static ICU and Swift runtime to it, was about
#   2 ms of a 7 ms `kompas --versie`. GNU ld takes the first libstdc++ it finds along the -L
#   folders, so a folder holding only the archive (libstdc++ carries the GCC runtime library
#   exception, so linking it in is allowed) makes the link static; libgcc_s stays shared.
# - The same file adds -export-dynamic, which puts all ≈ 11,000 symbols of the program into the
#   dynamic symbol table that every symbol lookup of libcrypto, libssl and libsqlite3 (bound at
#   load time) searches first. Nothing loads plug-ins into kompas, so --no-export-dynamic.
# Without libstdc++.a (package libstdc++-12-dev, which the Swift toolchain needs anyway) the
# link stays as it was.
stdcxx=$( (clang -print-file-name=libstdc++.a || gcc -print-file-name=libstdc++.a) 2>/dev/null || true)
if [[ $stdcxx == /* && -f $stdcxx ]]; then
    mkdir -p "$scratch/static-libstdc++"
    ln -sf "$stdcxx" "$scratch/static-libstdc++/libstdc++.a"
    flags+=(-Xlinker -L"$scratch/static-libstdc++")
else
    echo "install.sh: libstdc++.a not found; libstdc++ stays a shared library" >&2
fi
flags+=(-Xlinker --no-export-dynamic)
# SwiftPM gives executables the run path $ORIGIN for libraries built beside them; kompas has
# none, and the loader probed 25 paths under bin/ for each system library at every start.
flags+=(--disable-local-rpath)
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
