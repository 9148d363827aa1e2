# Research-only reference of the Rekenvoorschriften 2026/2027 method (integer arithmetic), used to
# check the vectors found in stored material before they become Swift tests. Not shipped.
from fractions import Fraction as F
import math
P = {
 2026: dict(lv=54, lmax=133110, a2=38883, a3=78426, b1=F('0.3575'), b2=F('0.3756'), b3=F('0.495'), c2=13900, c3=28752,
            ahkm=3115, ahkg1=29736, ahkg2=78426, ahka=F('0.06398'),
            g1=11965, g2=25845, g3=45592, g4=132920, o1=F('0.08324'), o2=F('0.31009'), o3=F('0.01950'), a1=F('0.06510'), m1=996, m2=5300, m3=5685),
 2027: dict(lv=54, lmax=139050, a2=39247, a3=78426, b1=F('0.3623'), b2=F('0.3816'), b3=F('0.495'), c2=14219, c3=29169,
            ahkm=3154, ahkg1=30910, ahkg2=78426, ahka=F('0.06638'),
            g1=12438, g2=26865, g3=47834, g4=138910, o1=F('0.09503'), o2=F('0.30207'), o3=F('0.01855'), a1=F('0.0651'), m1=1182, m2=5540, m3=5929),
}
def annual(L, p, credit=True):
    if L <= p['a2']: x1 = L*p['b1']
    elif L <= p['a3']: x1 = (L-p['a2'])*p['b2'] + p['c2']
    else: x1 = (L-p['a3'])*p['b3'] + p['c3']
    x1 = math.floor(x1)
    if not credit: return x1, 0, 0
    if L <= p['ahkg1']: ahk = p['ahkm']
    elif L >= p['ahkg2']: ahk = 0
    else: ahk = max(0, math.ceil(p['ahkm'] - (L-p['ahkg1'])*p['ahka']))
    if L >= p['g4']: ak = 0
    else:
        s1 = min(L*p['o1'], p['m1']); s2 = min(s1 + max(0, L-p['g1'])*p['o2'], p['m2']); s3 = min(s2 + max(0, L-p['g2'])*p['o3'], p['m3'])
        ak = max(0, math.ceil(s3 - max(0, L-p['g3'])*p['a1']))
    excess = max(0, ahk + ak - x1)
    ak_applied = max(0, ak - excess)
    ahk_applied = min(ahk, x1 - ak_applied)
    return x1 - ak_applied - ahk_applied, ak_applied, ahk_applied
def rnd(x):  # half up to cents, x Fraction of euros
    return math.floor(x*100 + F(1,2))
def period(wage_cents, f, year=2026, credit=True):
    p = P[year]
    raw = F(wage_cents*f, 100)
    L = (math.floor(raw) // p['lv']) * p['lv']
    if L > p['lmax']:
        top, _, _ = annual(p['lmax'], p, credit)
        base = rnd(F(top, f))
        excess = F(wage_cents, 100) - F(p['lmax'], f)
        return base + math.floor(excess*p['b3']*100), 0
    x, ak, _ = annual(L, p, credit)
    return rnd(F(x, f)), rnd(F(ak, f))
if __name__ == '__main__':
    rows = [(400000,81867,46100),(1109250,465167,None),(49950,0,0),(99900,1383,8367),(247500,17717,44800),(247950,17883,44808),
            (299700,38683,45817),(270000,26750,45233),(300150,38858,45825),(400050,82092,46067),(650250,208358,29783),(800100,292117,20025),
            (1100250,460225,483),(549900,157717,36317),(199800,6125,None),(264600,24567,None),(349650,59208,None),(499950,132508,None),(749700,263883,None),
            (653400,209958,29575),(653850,210192,29550)]
    for w, t, ak in rows:
        got = period(w, 12)
        print(w, got, t, ak, 'OK' if got[0]==t and (ak is None or got[1]==ak) else 'FAIL')
    wo = [(270000,96525),(300150,107300),(400050,144383),(650250,238358),(800100,312142),(1100250,460708),(549900,200667),(199800,71425),(264600,94592),(349650,125450),(499950,181908),(749700,287192),(399600,144217)]
    for w,t in wo:
        got = period(w,12,credit=False); print('zonder', w, got[0], t, 'OK' if got[0]==t else 'FAIL')
    # 2026 current approximations from Loonheffing.examples, for comparison
    for w in [50000,100000,150000,200000,229440]:
        print('2026 month', w, period(w,12), 'no credit', period(w,12,credit=False))
    for w in [100000]:
        print('2026 4wk', w, period(w,13))
