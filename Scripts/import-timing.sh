#!/bin/sh
# Issue 18: time per row of one `kompas loonstrook importeer` at 1,000 and 10,000 rows, each into
# a new store (synthetic payslips, one per day, seven employers). The requirement is a ratio of at
# most 1,5. Usage: Scripts/import-timing.sh [path/to/kompas]   (default: a release build)
set -eu
cd "$(dirname "$0")/.."
KOMPAS=${1:-}
if [ -z "$KOMPAS" ]; then
    swift build -c release --product kompas >/dev/null
    KOMPAS="$(swift build -c release --show-bin-path)/kompas"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rows() {
    python3 - "$1" <<'PY'
import sys, datetime
n = int(sys.argv[1])
d = datetime.date(2000, 1, 1)
print("betaaldatum;periode_van;periode_tot;netto;werkgever")
for i in range(n):
    print(f"{d};{d};{d};{100 + i % 50},00;Werkgever {i % 7}")
    d += datetime.timedelta(days=1)
PY
}
for n in 1000 10000; do
    rows "$n" > "$work/rows-$n.csv"
    start=$(date +%s.%N)
    KOMPAS_OPSLAG="$work/store-$n" KOMPAS_SCRYPT_TEST=1 KOMPAS_WACHTWOORD="tijdmeting-wachtwoord" \
        "$KOMPAS" loonstrook importeer "$work/rows-$n.csv" >/dev/null
    end=$(date +%s.%N)
    echo "$n $start $end"
done | awk '{ t = $3 - $2; per[$1] = t / $1 * 1000; printf "%6d rows: %7.2f s, %.3f ms per row\n", $1, t, per[$1] }
    END { printf "ratio (10,000 / 1,000 per row): %.2f\n", per[10000] / per[1000] }'
