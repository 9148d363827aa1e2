#!/usr/bin/env bash
# Distribution test (issue 23): Scripts/install.sh into a temporary prefix, then the installed
# kompas and kompas-gemeente run from a folder with no source tree nearby, with an empty
# environment, and again after the prefix was moved (nothing points back to the checkout or to
# where it was installed). A release build: .ci/run runs this as its own step.
#   Scripts/distribution-test.sh
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(mktemp -d /tmp/kompas-dist-XXXXXX)
trap 'rm -rf "$root"' EXIT
"$here/Scripts/install.sh" "$root/prefix"
mkdir -p "$root/elders" "$root/home"

check() {  # check PREFIX: every run from $root/elders, environment emptied
    local p=$1 out
    cd "$root/elders"
    run() { env -i PATH=/usr/bin:/bin HOME="$root/home" KOMPAS_VANDAAG=2026-03-15 "$@"; }
    out=$(run "$p/bin/kompas" --versie)
    echo "kompas --versie: $out"
    [[ -n $out ]]
    out=$(run "$p/bin/kompas" watals --maand 2026-03 --huishouden alleenstaande --leeftijd 35 \
        --uren 16 --uurloon 14,71)
    grep -q "€" <<<"$out" || { echo "watals printed no amount: $out" >&2; exit 1; }
    out=$(run "$p/bin/kompas" --taal en watals --maand 2026-03 --leeftijd 35 --uren 16 \
        --uurloon 14,71)
    grep -q "€" <<<"$out" || { echo "watals (en) printed no amount: $out" >&2; exit 1; }
    run "$p/bin/kompas-gemeente" --help | grep -q "kompas-gemeente serve"
    run "$p/bin/kompas-gemeente" admin klantmanager --data "$root/gemeente" --naam test >/dev/null
    [[ -f $p/share/man/man1/kompas.1 ]]
    if ldd "$p/bin/kompas" | grep -q "libswiftCore\|libFoundation"; then
        echo "kompas links the Swift runtime dynamically" >&2
        exit 1
    fi
    # install.sh links libstdc++ in (a faster start, issue 23) when the archive is there.
    if [[ -f $(clang -print-file-name=libstdc++.a 2>/dev/null) ]] && ldd "$p/bin/kompas" | grep -q "libstdc++"; then
        echo "kompas links libstdc++ dynamically although libstdc++.a is installed" >&2
        exit 1
    fi
}
check "$root/prefix"
# The release install (its own link and code generation flags, install.sh) answers exactly like
# the debug build the test suite ran against.
if [[ -x $here/.build/debug/kompas ]]; then
    "$here/Scripts/compare-installs.sh" "$here/.build/debug/kompas" "$root/prefix"
fi
mv "$root/prefix" "$root/verplaatst"
check "$root/verplaatst"
echo "distribution test: installed kompas and kompas-gemeente run on their own"
