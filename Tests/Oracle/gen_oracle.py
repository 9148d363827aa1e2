#!/usr/bin/env python3
"""Generates Tests/Oracle/*.json (issue 17): `python3 Tests/Oracle/gen_oracle.py Tests/Oracle`. Expected amounts are official table rows (verified) or hand
computations from the law texts with ../ref.py (unverified: not read anywhere official). Kompas's Swift code is
never run to produce an expectation."""
import json, sys, os, math
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ref
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(__file__)
def eur(c): return f'{c//100}.{c%100:02d}' if c >= 0 else '-' + eur(-c)
S2 = ('PAYLAB03 oracle note (stored public repository, read_file id 70503962840): "vergeleken met rechtstreeks gelezen '
      'gepubliceerde maandtabelrijen", Belastingdienst witte maandtabel 2026 Nederland Std (wit_mnd_nl_std_20260101.pdf)')
S3 = ('NL payroll spec §13 (stored public repository, read_file id 58932255245): "Values below are read directly from the '
      'Witte Maandloon-tabel 2026 (uitgave januari 2026)"')
T1 = ('VerdienCheck fixtures (stored public repository, read_file id 68890252705): "Official PDF rows: tabelloon / withheld '
      'without LHK / withheld with LHK", wit_mnd_nl_std_20260101')
T2 = ('PAYRUN01 oracle vectors (stored public repository, read_file id 70464364614): "The white monthly table\'s printed page '
      '33 row 5.499,00"')
ISSUE = 'Issue 17 and ../shared/domain/wage-tax-and-2027.md §1 (official white monthly table 2026 vectors)'
cases = []
def lh(cid, gross, tax, ak=None, credit=True, col='onder-aow', src=S2, page=None, month='2026-03', freq='maand', verified=True, note=None):
    c = {'id': cid, 'kind': 'loonheffing', 'month': month,
         'input': {'gross': eur(gross), 'frequency': freq, 'withCredit': credit, 'column': col},
         'expect': {'tax': eur(tax)}, 'source': src + (f', tabelpagina {page}' if page else ''), 'verified': verified}
    if ak is not None: c['expect']['labourCredit'] = eur(ak)
    if note: c['note'] = note
    # self-check against the research reference before writing
    y = int(month[:4]); f = {'maand': 12, '4weken': 13, 'week': 52}[freq]
    if col == 'onder-aow':
        got = ref.period(gross, f, y, credit)
        assert got[0] == tax and (ak is None or got[1] == ak), (cid, got, tax, ak)
    cases.append(c)
lh('wit-maand-2026-4000,00-met', 400000, 81867, 46100, src=S2 + '; ' + ISSUE, page=24, note='rij 3.996,00 (L = 47.952): X1 17.306, AHK 1.950, ARK 5.532')
lh('wit-maand-2026-11092,50-hoogste-rij', 1109250, 465167, src=ISSUE, note='Lmax 133.110: X1 = floor(54.684 × 0,495 + 28.752) = 55.820; /12')
for g, t, ak, p in [(50000,0,0,3),(100000,1383,8367,6),(300000,38683,45817,18),(900000,348067,13525,55),
                    (247799,17717,44800,15),(247800,17717,44800,15),(247801,17717,44800,15),(247949,17717,44800,15),
                    (247950,17883,44808,15),(247951,17883,44808,15),(400049,81867,46100,24),(400050,82092,46067,25),(400051,82092,46067,25),
                    (653549,209958,29575,40),(653550,209958,29575,40),(653551,209958,29575,40),(653849,209958,29575,40),
                    (653850,210192,29550,40),(653851,210192,29550,40)]:
    lh(f'wit-maand-2026-{eur(g).replace(".", ",")}-met', g, t, ak, page=p)
lh('wit-maand-2026-4000,00-zonder', 400000, 144217, credit=False, page=24)
for g, met, zonder, ak in [(270000,26750,96525,45233),(300150,38858,107300,45825),(400050,82092,144383,46067),(650250,208358,238358,29783),
                           (800100,292117,312142,20025),(1100250,460225,460708,483)]:
    lh(f'wit-maand-2026-{eur(g).replace(".", ",")}-met-s3', g, met, ak, src=S3)
    lh(f'wit-maand-2026-{eur(g).replace(".", ",")}-zonder-s3', g, zonder, credit=False, src=S3)
for g, met, zonder in [(200000,6125,71425),(264600,24567,94592),(350000,59208,125450),(500000,132508,181908),(750000,263883,287192)]:
    lh(f'wit-maand-2026-{eur(g).replace(".", ",")}-met-t1', g, met, src=T1)
    lh(f'wit-maand-2026-{eur(g).replace(".", ",")}-zonder-t1', g, zonder, credit=False, src=T1)
lh('wit-maand-2026-5500,00-met-t2', 550000, 157717, 36317, src=T2)
lh('wit-maand-2026-5500,00-zonder-t2', 550000, 200667, credit=False, src=T2)
for g, t, ak in [(400050,40533,23017),(270000,0,18708),(300150,2158,22892),(650250,165358,14883),(800100,244125,10017),(1100250,402450,258)]:
    lh(f'wit-maand-2026-{eur(g).replace(".", ",")}-aow-1946', g, t, ak, col='aow-1946', src=S3,
       note='AOW-leeftijd, geboren 1946 of later, met loonheffingskorting exclusief alleenstaande-ouderenkorting')
lh('wit-maand-2026-4000,50-aow-1946-zonder', 400050, 86383, credit=False, col='aow-1946', src=S3)
HAND = 'Handberekening volgens de Rekenvoorschriften 2026 (../notes/17/research.md §1); geen officiële tabelrij gevonden'
for freq, g in [('4weken', 100000), ('4weken', 50000), ('4weken', 150000), ('week', 25000), ('week', 40000)]:
    f = {'4weken': 13, 'week': 52}[freq]; t, ak = ref.period(g, f)
    lh(f'{freq}-2026-{eur(g).replace(".", ",")}-met', g, t, ak, freq=freq, src=HAND, verified=False)
H27 = 'Handberekening volgens de Rekenvoorschriften LH 2027, Prinsjesdagversie (voorlopig); geen tabelrij'
for g in [100000, 200000, 400000]:
    t, ak = ref.period(g, 12, 2027)
    lh(f'maand-2027-{eur(g).replace(".", ",")}-met', g, t, ak, month='2027-03', src=H27, verified=False)
json.dump({'suite': 'loonheffing', 'cases': cases}, open(os.path.join(OUT, 'loonheffing.json'), 'w'), ensure_ascii=False, indent=1)
n_official = sum(1 for c in cases if c['verified'])
print(len(cases), 'wage-tax cases,', n_official, 'official')

# Gross from net
inv = []
def net(g, f=12, y=2026, c=True): return g - ref.period(g, f, y, c)[0]
for N in [98617, 231400, 150000, 318133, 49950]:
    g = 0
    while net(g) != N: g += 1
    inv.append({'id': f'bruto-uit-netto-2026-{eur(N).replace(".", ",")}', 'kind': 'brutoUitNetto', 'month': '2026-03',
                'input': {'net': eur(N), 'frequency': 'maand', 'withCredit': True}, 'expect': {'gross': eur(g)},
                'source': 'Laagste brutoloon waarvan het netto (bruto − loonheffing volgens de Rekenvoorschriften) gelijk is; brute force over elke cent', 'verified': False})
json.dump({'suite': 'bruto-uit-netto', 'cases': inv}, open(os.path.join(OUT, 'bruto-uit-netto.json'), 'w'), ensure_ascii=False, indent=1)
print(len(inv), 'inversion cases')

# Projections and norms: hand cases from the law texts.
PW26 = 'Participatiewet art. 20 en 21, tekst 1-1-2026 (MinBZK/regelrecht-corpus participatiewet/2026-01-01.yaml, read_file id 60137884753)'
PW2607 = 'Participatiewet art. 20, tekst 1-7-2026 (MinBZK/regelrecht-corpus participatiewet/2026-07-01.yaml, read_file id 70707082358)'
pr = []
def proj(cid, month, hh, work, expect, src, note, verified=False):
    pr.append({'id': cid, 'kind': 'projectie', 'month': month, 'input': {'household': hh, 'work': work},
               'expect': {k: eur(v) for k, v in expect.items()}, 'source': src, 'verified': verified, 'note': note})
def half_up(num, den): return (2 * num + den) // (2 * den)
# 1. 18-year-old who cannot rely on the parents: norm + supplement (art. 20 lid 3), under the cap (lid 4).
proj('art20-lid3-18-jaar-maart-2026', '2026-03', {'type': 'alleenstaande', 'age': 18, 'cannotRelyOnParents': True}, {'kind': 'none'},
     {'norm': 34599 + 74645}, PW26, '€ 345,99 + € 746,45 = € 1.092,44 (lager dan de norm 21+ € 1.401,50)')
proj('art20-lid3-19-jaar-augustus-2026', '2026-08', {'type': 'alleenstaande', 'age': 19, 'cannotRelyOnParents': True}, {'kind': 'none'},
     {'norm': 35042 + 76224}, PW2607, '€ 350,42 + € 762,24 = € 1.112,66')
proj('art20-lid3-ouder-20-jaar', '2026-03', {'type': 'alleenstaande-ouder', 'age': 20, 'children': [2], 'cannotRelyOnParents': True}, {'kind': 'none'},
     {'norm': 34599 + 74645}, PW26, 'art. 20 lid 2 a € 345,99 + lid 3 € 746,45')
proj('art20-lid4-plafond-paar-20-en-25', '2026-03', {'type': 'samenwonend', 'age': 20, 'partnerAge': 25, 'cannotRelyOnParents': True}, {'kind': 'none'},
     {'norm': 200213}, PW26, '€ 1.347,06 + € 746,45 = € 2.093,51, begrensd op de norm gehuwden 21+ € 2.002,13 (lid 4)')
proj('art20-kan-wel-op-ouders-rekenen', '2026-03', {'type': 'alleenstaande', 'age': 19, 'cannotRelyOnParents': False}, {'kind': 'none'},
     {'norm': 34599}, PW26, 'lid 3 niet van toepassing: kale jongerennorm')
# 2. Wage tax inside a projection (monthly gross) — the table values of the rows above.
t1000 = ref.period(100000, 12)[0]
net1000 = 100000 - t1000
hol = half_up(net1000 * 8, 100)
work_income = net1000 + hol
ex = min(half_up(work_income * 25, 100), 28500)
counted = work_income - ex
proj('projectie-2026-alleenstaande-30-bruto-1000', '2026-03', {'type': 'alleenstaande', 'age': 30}, {'kind': 'grossMonthly', 'amount': '1000.00'},
     {'norm': 140150, 'brutoloon': 100000, 'loonheffing': t1000, 'nettoloon': net1000, 'vakantiegeld_werkgever': hol,
      'vrijlating': ex, 'aanvulling': 140150 - counted},
     PW26 + '; loonheffing: witte maandtabel 2026 rij 999,00 (tabelpagina 6, ' + S2 + ')',
     f'loonheffing {eur(t1000)}; netto {eur(net1000)}; aanspraak vakantiegeld 8 % × netto = {eur(hol)} (Kompas-schatting, tabellen 2025–2027 niet gevonden); '
     f'vrijlating art. 31 lid 2 n 25 % × {eur(work_income)} = {eur(ex)}; aanvulling 1.401,50 − {eur(counted)}')
# 3. Single parent at € 2.500 gross and the same wage given as net only.
t2500 = ref.period(250000, 12)[0]
proj('projectie-2026-alleenstaande-ouder-25-bruto-2500', '2026-03', {'type': 'alleenstaande-ouder', 'age': 25, 'children': [4, 7]},
     {'kind': 'grossMonthly', 'amount': '2500.00'}, {'brutoloon': 250000, 'loonheffing': t2500, 'nettoloon': 250000 - t2500, 'aanvulling': 0},
     PW26, f'loonheffing rij 2.497,50: {eur(t2500)}; inkomen boven de norm, geen vrijlating onder 27 (art. 31 lid 5)')
proj('projectie-2026-alleenstaande-ouder-25-alleen-netto', '2026-03', {'type': 'alleenstaande-ouder', 'age': 25, 'children': [4, 7]},
     {'kind': 'netMonthly', 'amount': eur(250000 - t2500)}, {'brutoloon': 250000, 'loonheffing': t2500, 'nettoloon': 250000 - t2500},
     'Laagste brutoloon met dit netto volgens de Rekenvoorschriften 2026 (brute force, ../notes/17/oracle/gen_oracle.py)',
     'het afgeleide brutoloon telt in het toetsingsinkomen (Awir art. 8: verzamelinkomen, bruto)')
json.dump({'suite': 'projectie', 'cases': pr}, open(os.path.join(OUT, 'projectie.json'), 'w'), ensure_ascii=False, indent=1)
print(len(pr), 'projection cases')

# Zorgtoeslag 2025: the regelrecht scenario situations, with the amounts the law gives.
RR = ('Situatie uit MinBZK/regelrecht-corpus regulation/nl/wet/wet_op_de_zorgtoeslag/scenarios/eligibility.feature (commit 5bdcef8); ')
WZT = ('bedrag volgens Wzt art. 2 (2025: standaardpremie € 2.112, normpremie 1,896 % × drempelinkomen € 28.406 '
       '+ 13,7 % × het inkomen daarboven; met partner 4,273 %; lid 4: 50 % als de partner geen verzekerde is) en Awir art. 14 (hele euro)')
zt = []
def z(cid, age, income, expect_yearly, scen_said, partner=None, assets=0, why=''):
    c = {'id': cid, 'kind': 'zorgtoeslag', 'month': '2025-02', 'input': {'applicantAge': age, 'toetsingsinkomen': eur(income), 'assets': eur(assets)},
         'expect': {'yearly': eur(expect_yearly) if expect_yearly is not None else None}, 'source': RR + WZT, 'verified': False,
         'note': f'scenario verwachtte {scen_said}; {why}'}
    if partner: c['input']['partner'] = partner
    zt.append(c)
single = 211200 - 53858   # 2.112 − 1,896 % × 28.406 = 1.573,42 → € 1.573
single_e = round(single / 100) * 100
z('regelrecht-zorgtoeslag-meerderjarig-795,47', 20, 79547, single_e, '2.096,92', why='afgewezen: 1,896 % toegepast op het inkomen i.p.v. het drempelinkomen')
z('regelrecht-zorgtoeslag-laag-inkomen-200', 27, 20000, single_e, '2.108,21', assets=10000, why='afgewezen: zelfde fout')
z('regelrecht-zorgtoeslag-student-150', 21, 15000, single_e, '2.109,16', why='afgewezen: zelfde fout')
z('regelrecht-zorgtoeslag-box3-20000', 35, 2000000, single_e, '1.732,80', assets=7000000, why='afgewezen: zelfde fout (vermogen onder € 141.896)')
z('regelrecht-zorgtoeslag-verdrag-250', 40, 25000, single_e, '2.107,26', why='afgewezen: zelfde fout')
z('regelrecht-zorgtoeslag-partners-55000', 35, 5500000, None, '2.728,45', partner={'age': 35, 'insured': True},
  why='afgewezen: normpremie 1.213,79 + 13,7 % × 26.594 = 4.857,17 > 2 × 2.112, dus geen zorgtoeslag')
# partner not insured: 50 % of (2 × 2.112 − 4,273 % × 28.406) = 50 % × 3.010,21 = 1.505,105 → € 1.505
z('regelrecht-zorgtoeslag-partner-niet-verzekerd-200', 27, 20000, 150500, '2.107,73 (demo-feature MinBZK/regelrecht corpus/demo)',
  partner={'age': 27, 'insured': False}, why='afgewezen: lid 4 halveert het bedrag voor partners; de scenario-uitkomst is geen helft')
z('regelrecht-zorgtoeslag-minderjarig', 17, 0, None, 'geen recht', why='overgenomen: onder 18 geen zorgtoeslag (Wzt art. 1 onder c)')
zt[-1]['verified'] = False
json.dump({'suite': 'zorgtoeslag', 'cases': zt}, open(os.path.join(OUT, 'zorgtoeslag.json'), 'w'), ensure_ascii=False, indent=1)
print(len(zt), 'zorgtoeslag cases')
