"""More documents written for these tests (not corpus text): a cabinet response dense with legal
references in forms the corpus does not have ("het tweede lid van artikel 5", "art. 2:10 lid 3
Awb", "de artikelen 8 en 13 van de WML", "het Besluit SUWI", look-alikes such as "wetsvoorstel"
and "de wet van de remmende voorsprong"), a magazine portrait with "Tekst X | Beeld Y/ANP"
credits, ages, "bij"-affiliations, companies, a hospital and a college, and minutes that cite
EU law, an ILO convention and two charters. The facts an analyst would expect, end to end."""
from __future__ import annotations


import pytest

from polder.extract.pipeline import extract_file

from test_probes import PROBES, keys, labels, memberships  # the probes' shared helpers

NAMES = ("kabinetsreactie_wetsartikelen", "magazine_portret_werkgevers", "notulen_europese_regels")


@pytest.fixture(scope="module")
def extracted():
    return {name: extract_file(next(PROBES.glob(f"{name}.*"))) for name in NAMES}


def part_of(ex) -> dict[str, str]:
    return {k: next(v.key for p, v in e.props if p == "eli:is_part_of")
            for k, e in ex.entities.items() if e.cls == "Provision"}


def test_legal_references_in_many_forms(extracted):
    ex = extracted["kabinetsreactie_wetsartikelen"]
    provisions = keys(ex, "Provision")
    assert {"law/bw7/artikel-7-658/lid-2",  # "artikel 7:658, tweede lid, BW"
            "law/bw7/artikel-7-629", "law/bw7/artikel-7-632",  # "artikelen 7:629 tot en met 7:632 BW"
            "law/arbowet/artikel-14", "law/arbowet/artikel-16/lid-7",
            "law/arbowet/artikel-5/lid-2",  # "Het tweede lid van artikel 5 van de Arbowet"
            "law/wml/artikel-8", "law/wml/artikel-13",  # "De artikelen 8 en 13 van de WML"
            "law/participatiewet/artikel-9", "law/pensioenwet/artikel-2",
            "law/awb/artikel-3-46", "law/awb/artikel-2-10/lid-3",  # "art. 2:10 lid 3 Awb"
            "law/arbobesluit/artikel-4-2"} <= provisions
    links = part_of(ex)
    assert links["law/arbowet/artikel-5/lid-2"] == "law/arbowet/artikel-5"
    assert links["law/arbowet/artikel-5"] == "law/arbowet"


def test_named_laws_and_their_look_alikes(extracted):
    ex = extracted["kabinetsreactie_wetsartikelen"]
    laws = keys(ex, "Law")
    assert {"law/wab", "law/wwz", "law/wet-verbetering-poortwachter", "law/pensioenwet", "law/wtp",
            "law/participatiewet", "law/wml", "law/awb", "law/besluit-suwi"} <= laws
    assert "law/suwi" not in laws  # "het Besluit SUWI" is a decree, not the Wet SUWI
    assert not {label for label in labels(ex, "Law") if label.lower().startswith(("wetsvoorstel", "wet van de",
                                                                                  "wet- en", "wetenschap"))}
    assert ("person/p-r-verhoeven", "role/minister", "org/szw") in memberships(ex)


def test_magazine_portrait_persons_roles_and_organisations(extracted):
    ex = extracted["magazine_portret_werkgevers"]
    assert {"Noor Brandsma", "Hidde Kooistra", "Bram Hazelhoff", "Joost van der Linden", "Meryem Aydin",
            "Lotte Wijnstra", "Gerrit-Jan Pals", "Ilse Vermaat", "Daan Koning"} <= labels(ex, "Person")
    organisations = keys(ex, "Organisation", "Committee", "AdvisoryBody")
    assert {"org/hazelhoff-installatietechniek", "org/kragten-installatiegroep", "org/cnv", "org/cpb",
            "org/deltion-college", "org/gemeente-zwolle", "org/isala-ziekenhuis", "org/universiteit-twente",
            "org/stedin", "org/heijmans", "org/metaalunie", "org/rug", "org/tno", "org/anp"} <= organisations
    assert "org/hidde-kooistra" not in organisations  # "Beeld Hidde Kooistra/ANP": the photographer
    assert {("person/joost-van-der-linden", "role/directeur", "org/kragten-installatiegroep"),
            ("person/meryem-aydin", "role/beleidsadviseur", "org/cnv"),
            ("person/bram-hazelhoff", "role/directeur", "org/hazelhoff-installatietechniek")} <= memberships(ex)


def test_minutes_citing_eu_law_conventions_and_charters(extracted):
    ex = extracted["notulen_europese_regels"]
    assert ex.doc.kind == "minutes" and ex.doc.date == "2025-06-06"  # "..., gehouden op\nvrijdag 6 juni 2025"
    assert {"law/richtlijn-minimumlonen", "law/ilo-verdrag-155", "law/handvest-grondrechten-eu",
            "law/europees-sociaal-handvest", "law/arbeidstijdenrichtlijn", "law/avg", "law/wml",
            "law/arbowet"} <= keys(ex, "Law")
    # "artikel 31 van het Handvest": which charter the text does not say, so no provision
    assert not keys(ex, "Provision")
    assert {"Boerma", "Çelik", "Nooitgedagt", "Rietveld"} <= labels(ex, "Person")
    represents = {(r.subject, r.value.key) for r in ex.relations if r.prop == "polder:represents"}
    assert {("person/boerma", "org/fnv"), ("person/celik", "org/vno-ncw")} <= represents
