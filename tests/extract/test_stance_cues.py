"""The stance cues added for phrasings the corpus does not use: each fires on its phrase and a
look-alike (negated, about something else, or missing the decisive word) does not give that stance."""
from __future__ import annotations

import pytest

from polder.extract import stance


@pytest.mark.parametrize("positive,negative,stance_name,cue_id", [
    # already carried out or given effect
    ("Dit heeft het kabinet inmiddels geregeld.", "Dit moet het kabinet nog regelen.", "Adopted", "stance.adopt.geregeld/"),
    ("Het kabinet heeft dit al geregeld in de Arbowet.", "Het kabinet heeft dit niet geregeld.", "Adopted",
     "stance.adopt.geregeld/"),
    ("Het kabinet geeft uitvoering aan deze aanbeveling.", "Hiermee wordt invulling gegeven aan de moties van de Kamer.",
     "Adopted", "stance.adopt.geregeld/"),
    ("Aan deze aanbeveling wordt al uitvoering gegeven.", "Aan deze aanbeveling wordt geen uitvoering gegeven.",
     "Adopted", "stance.adopt.geregeld/"),
    ("Het kabinet stemt in met deze aanbeveling.", "Het kabinet stemt niet in met deze aanbeveling.", "Adopted",
     "stance.adopt.geregeld/"),
    ("Het kabinet is het eens met de raad.", "De werkgevers zijn het eens met de vakbonden.", "Adopted", "stance.adopt.eens/"),
    # a decision follows later
    ("Over het budget volgt een besluit in het voorjaar.", "Het besluit is genomen.", "UnderConsideration",
     "stance.consider.besluit-volgt/"),
    ("Het kabinet neemt een besluit bij de Voorjaarsnota.", "Het kabinet heeft een besluit genomen over de nota.",
     "UnderConsideration", "stance.consider.besluit-volgt/"),
    ("Het kabinet weegt dit voorstel af bij de begroting.", "Het kabinet weegt de belangen.", "UnderConsideration",
     "stance.consider.besluit-volgt/"),
    ("Het kabinet zal deze aanbeveling bestuderen.", "Het kabinet zal deze aanbeveling niet bestuderen.",
     "UnderConsideration", "stance.consider.besluit-volgt/"),
    # refusals in other words
    ("Het kabinet ziet af van een wetswijziging.", "Het kabinet ziet een wetswijziging als noodzakelijk.", "NotAdopted",
     "stance.reject.ziet-af/"),
    ("Het kabinet ziet daarvan af.", "Het kabinet ziet daar de noodzaak van.", "NotAdopted", "stance.reject.ziet-af/"),
    ("Het kabinet volgt de raad hierin niet.", "Het kabinet volgt de raad hierin.", "NotAdopted", "stance.reject.ziet-af/"),
    ("Het kabinet besluit deze aanbeveling niet uit te voeren.", "Het kabinet besluit deze aanbeveling uit te voeren.",
     "NotAdopted", "stance.reject.ziet-af/"),
    # adopted in another form
    ("Het kabinet voert dit advies in aangepaste vorm uit.", "Het kabinet voert dit advies uit.", "PartlyAdopted",
     "stance.partly.vorm/"),
    ("Het kabinet neemt de aanbeveling niet volledig over.", "Het kabinet neemt de aanbeveling niet over.", "PartlyAdopted",
     "stance.partly.vorm/"),
    ("Het kabinet neemt de aanbeveling over, met uitzondering van het fonds.",
     "Alle werkgevers, met uitzondering van kleine bedrijven, doen mee.", "PartlyAdopted", "stance.partly.vorm/"),
    # joins the recommendation, grants it, follows it
    ("Het kabinet sluit zich aan bij deze aanbeveling.", "Het kabinet sluit zich niet aan bij deze aanbeveling.",
     "Adopted", "stance.adopt.sluit-aan/"),
    ("Het kabinet sluit zich bij de raad aan.", "Het kabinet sluit de regeling af.", "Adopted", "stance.adopt.sluit-aan/"),
    ("Het kabinet honoreert dit verzoek.", "Het kabinet honoreert de inzet van werkgevers.", "Adopted", "stance.adopt.sluit-aan/"),
    ("Het kabinet heeft het advies opgevolgd.", "Het advies is door de raad opgesteld.", "Adopted", "stance.adopt.sluit-aan/"),
    ("Het kabinet wijzigt de wet conform het advies.", "Het kabinet wijzigt de wet conform het regeerakkoord.", "Adopted",
     "stance.adopt.sluit-aan/"),
    # another road, not necessary
    ("Het kabinet kiest een andere route.", "Het kabinet kiest deze route.", "NotAdopted", "stance.reject.andere-route/"),
    ("Het kabinet vindt dit niet noodzakelijk.", "Het kabinet vindt dit noodzakelijk.", "NotAdopted",
     "stance.reject.niet-wenselijk/"),
    # no decision yet (the phrase is a negation itself: "geen besluit" no longer counts as a refusal)
    ("Het kabinet heeft nog geen besluit genomen.", "Het kabinet heeft een besluit genomen.", "UnderConsideration",
     "stance.consider.nog-geen-besluit/"),
    ("Het kabinet wacht de evaluatie af.", "Het kabinet wacht niet langer.", "UnderConsideration",
     "stance.consider.nog-geen-besluit/"),
    # acknowledgement without a decision
    ("Het kabinet heeft begrip voor de wens van de raad.", "De raad heeft begrip voor de werkgevers.", "Noted",
     "stance.noted.begrip/"),
    ("Het kabinet heeft kennisgenomen van dit advies.", "Het kabinet neemt dit advies over.", "Noted", "stance.noted.kennis/"),
    ("Afspraken over loopbaanbudgetten zijn aan de sociale partners zelf.",
     "Afspraken over loopbaanbudgetten zijn gemaakt door het kabinet.", "Noted", "stance.noted.hand-off/"),
])
def test_new_cue_fires_and_its_look_alike_does_not(positive, negative, stance_name, cue_id):
    verdict = stance.classify(positive)
    assert verdict.stance == stance_name
    assert any(f.cue.id.startswith(cue_id) and f.stance == stance_name for f in verdict.fired)
    look_alike = stance.classify(negative)
    assert not any(f.cue.id.startswith(cue_id) and f.stance == stance_name for f in look_alike.fired)
    assert look_alike.stance != stance_name or stance_name == "Noted" and not look_alike.fired


def test_a_situation_the_cabinet_calls_undesirable_is_no_refusal():
    """"acht dit onwenselijk" agrees with the council about a problem; it is no NotAdopted cue."""
    verdict = stance.classify("Het kabinet acht dit onwenselijk en zal het probleem aanpakken.")
    assert not any(f.stance == "NotAdopted" for f in verdict.fired)


@pytest.mark.parametrize("text,expected", [
    # a deferral outweighs taking the proposal along ("betrekken ... bij")
    ("Dit voorstel betrekken wij bij de begroting; een besluit volgt in het voorjaar.", "UnderConsideration"),
    ("Het kabinet zal dit niet verder onderzoeken, omdat de Gezondheidsraad hierover al adviseerde.", "NotAdopted"),
    ("Het kabinet omarmt dit advies.", "Adopted"),
])
def test_hedges_and_negations_in_context(text, expected):
    assert stance.classify(text).stance == expected
