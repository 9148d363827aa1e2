/// The built-in municipality files, as JSON text decoded by the same loader and validation as a
/// user's file (one path for both). Sources and verification state per value; see
/// `../shared/domain/rules-2026-resolved.md` §7 (Amsterdam) and §8 (Rotterdam, Alphen aan den Rijn).
/// The provisions are kept with their own sources in `KompasProvisions/BuiltIn` and spliced in here.
import KompasProvisions

enum BuiltIn {
    static let amsterdam = #"""
    {
      "schema": 1,
      "id": "amsterdam",
      "naam": "Amsterdam",
      "inkomen": {
        "vrijlating_standaard": {
          "waarde": true,
          "bron": "Participatiewet art. 31 lid 2 onder n: toegekend als het werk bijdraagt aan arbeidsinschakeling; Amsterdamse beleidsregels niet gelezen",
          "geverifieerd": "te verifiëren: Beleidsregels Participatiewet Amsterdam 2025 (CVDR736729) niet gelezen"
        },
        "vakantiegeld_maandelijks": {
          "waarde": true,
          "bron": "Participatiewet art. 31 lid 4 met Regeling Participatiewet, IOAW en IOAZ §6 (aanspraak op vakantietoeslag per maand)",
          "geverifieerd": "te verifiëren: landelijke regel; Amsterdamse werkwijze niet gevonden (rules-2026-resolved.md §7)"
        },
        "vakantietoeslag_maand": {
          "waarde": 5,
          "bron": "amsterdam.nl via bijstand.amsterdam (2016): 'eens per jaar in mei uitbetaald'",
          "geverifieerd": "te verifiëren: bron uit 2016 (rules-2026-resolved.md §7)"
        }
      },
      "voorzieningen": \#(BuiltInProvisions.json(for: "amsterdam") ?? "[]")
    }
    """#

    static let rotterdam = #"""
    {
      "schema": 1,
      "id": "rotterdam",
      "naam": "Rotterdam",
      "inkomen": {
        "vrijlating_standaard": {
          "waarde": true,
          "bron": "Participatiewet art. 31 lid 2 onder n",
          "geverifieerd": "te verifiëren: Rotterdamse beleidsregels niet gelezen"
        },
        "vakantiegeld_maandelijks": {
          "waarde": true,
          "bron": "Participatiewet art. 31 lid 4 met Regeling Participatiewet, IOAW en IOAZ §6",
          "geverifieerd": "te verifiëren: landelijke regel; Rotterdamse werkwijze niet gevonden"
        },
        "vakantietoeslag_maand": {
          "waarde": 6,
          "bron": "Gangbare praktijk: vakantietoeslag in mei of juni (rules-2026.md §1.2); Rotterdam: 'in mei/juni uitbetaald' (processpecificatie, AI-DOC)",
          "geverifieerd": "te verifiëren: alleen een onbetrouwbare bron (AI-DOC) gevonden"
        }
      }
    }
    """#

    /// Alphen aan den Rijn: the second municipality with fully sourced provisions (individuele
    /// inkomenstoeslag 2026, rules-2026-resolved.md §8.2); its income choices are the national defaults.
    static let alphen = #"""
    {
      "schema": 1,
      "id": "alphen-aan-den-rijn",
      "naam": "Alphen aan den Rijn",
      "inkomen": {
        "vrijlating_standaard": {
          "waarde": true,
          "bron": "Participatiewet art. 31 lid 2 onder n",
          "geverifieerd": "te verifiëren: beleidsregels Alphen aan den Rijn niet gelezen"
        },
        "vakantiegeld_maandelijks": {
          "waarde": true,
          "bron": "Participatiewet art. 31 lid 4 met Regeling Participatiewet, IOAW en IOAZ §6",
          "geverifieerd": "te verifiëren: landelijke regel; werkwijze van de gemeente niet gevonden"
        },
        "vakantietoeslag_maand": {
          "waarde": 5,
          "bron": "Gangbare praktijk: vakantietoeslag in mei of juni (rules-2026.md §1.2)",
          "geverifieerd": "te verifiëren: niet gevonden voor deze gemeente"
        }
      },
      "voorzieningen": \#(BuiltInProvisions.json(for: "alphen-aan-den-rijn") ?? "[]")
    }
    """#
}
