#!/usr/bin/env bash
# Runs the same kompas commands with two builds and fails when any output or exit code differs:
# the check that a start-up or speed change (issue 23) changed no behaviour of the installed
# binary, including the store (SQLite, OpenSSL), documents and JSON. Each side is an install
# prefix (Scripts/install.sh PREFIX) or a kompas binary, e.g. the tested debug build;
# distribution-test.sh compares .build/debug/kompas with the release install.
#   Scripts/compare-installs.sh OLD NEW
set -uo pipefail
binary() { if [[ -d $1 ]]; then realpath "$1/bin/kompas"; else realpath "$1"; fi; }
old=$(binary "$1") new=$(binary "$2")
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/kompas-compare-XXXXXX)
trap '[[ -n ${KOMPAS_COMPARE_KEEP:-} ]] && echo "kept $work" >&2 || rm -rf "$work"' EXIT
fixtures=$here/Fixtures
commands=(
    "--versie"
    "--help"
    "watals --maand 2026-03 --leeftijd 35 --uren 16 --uurloon 14,71"
    "watals --maand 2026-03 --leeftijd 35 --uren 16 --uurloon 14,71 --uitleg"
    "watals --maand 2026-03 --leeftijd 35 --uren 16 --uurloon 14,71 --json"
    "--taal en watals --maand 2027-02 --leeftijd 35 --uren 16 --uurloon 14,71"
    "--taal ar watals --maand 2026-03 --huishouden samenwonend --leeftijd 40 --leeftijd-partner 38 --kind 4 --uren 20 --uurloon 15"
    "--taal tr watals --maand 2026-03 --leeftijd 22 --van 0 --tot 40 --stap 8 --uurloon 13,68"
    "--taal pl watals --maand 2026-11 --leeftijd 35 --uren 24 --uurloon 14,71 --gemeente rotterdam"
    "watals --maand 2026-03 --huishouden alleenstaande-ouder --kind 7 --leeftijd 35 --uren 12 --uurloon 14,71 --gemeente alphen-aan-den-rijn --uitleg"
    "watals --maand 2026-03 --leeftijd 35 --uren veel --uurloon 14,71"
    "watals --maand 2026-13 --leeftijd 35 --uren 16 --uurloon 14,71"
    "regels"
    "regels --json"
    "samenvatting --maand 2026-03 --leeftijd 35 --uren 16 --uurloon 14,71"
    "samenvatting --maand 2026-03 --leeftijd 35 --uren 16 --uurloon 14,71 --formaat markdown"
    "samenvatting --maand 2026-03 --leeftijd 35 --uren 16 --uurloon 14,71 --formaat html"
    "verrekening --caseload $fixtures/caseload/klanten.csv"
    "verrekening --caseload $fixtures/caseload/klanten.jsonl --json"
    "controleer cv $fixtures/documenten/nl-goed-word.cv.docx"
    "controleer cv $fixtures/documenten/nl-zwak-windows1252.cv.txt"
    "--taal en controleer brief $fixtures/documenten/en-weak.brief.txt"
    "profiel toon"
    "wachtwoord instellen"
    "profiel instellen --huishouden alleenstaande --leeftijd 35 --uurloon 14,71 --uren 16 --gestart 2026-01"
    "profiel toon"
    "loonstrook toevoegen --betaaldatum 2026-02-25 --periode-van 2026-02-01 --periode-tot 2026-02-28 --netto 812,40 --bruto 1020,00 --gewerkte-uren 64 --werkgever Proefbedrijf --frequentie maand"
    "loonstrook lijst"
    "verrekening --maand 2026-02"
    "status"
    "export $work/RUN/reserve.kompas"
    "completions bash"
    "onbekend"
)
run() {  # run BINARY NAME: every command in an empty environment, a store of its own
    local kompas=$1 name=$2 i=0
    mkdir -p "$work/$name"
    for c in "${commands[@]}"; do
        c=${c//RUN/$name}
        (cd "$work/$name" && env -i PATH=/usr/bin:/bin HOME="$work/$name" KOMPAS_VANDAAG=2026-03-15 \
            KOMPAS_OPSLAG="$work/$name/opslag" KOMPAS_WACHTWOORD=proef-wachtwoord KOMPAS_SCRYPT_TEST=1 \
            "$kompas" $c) >"$work/$name/$i.out" 2>"$work/$name/$i.err" </dev/null
        echo "$?" >"$work/$name/$i.rc"
        sed -i "s#$work/$name#WORK#g" "$work/$name/$i.out" "$work/$name/$i.err"
        i=$((i + 1))
    done
}
run "$old" old
run "$new" new
status=0
for ((i = 0; i < ${#commands[@]}; i++)); do
    for kind in out err rc; do
        if ! cmp -s "$work/old/$i.$kind" "$work/new/$i.$kind"; then
            echo "differs ($kind): kompas ${commands[$i]}" >&2
            diff "$work/old/$i.$kind" "$work/new/$i.$kind" | head -10 >&2
            status=1
        fi
    done
done
[[ $status == 0 ]] && echo "compare-installs: ${#commands[@]} commands, the same output and exit codes"
exit $status
