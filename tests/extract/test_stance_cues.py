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
    # a decision taken "over" something later is no adoption
    ("De staatssecretaris betrekt de aanbeveling bij die evaluatie en neemt pas daarna een besluit over de grens.",
     "UnderConsideration"),
    ("Ik heb de SER om een vervolgadvies gevraagd. Daarna neem ik een besluit.", "UnderConsideration"),
    ("Het kabinet beziet deze aanbeveling welwillend.", "UnderConsideration"),
    # agreeing "but" not deciding yet is no partial adoption
    ("Het kabinet deelt de wens tot betere registratie, maar heeft nog geen besluit genomen over de vorm.",
     "UnderConsideration"),
    ("Het kabinet volgt de SER hierin en zal de wet wijzigen.", "Adopted"),
    ("Het kabinet volgt de SER hierin niet.", "NotAdopted"),
])
def test_hedges_and_negations_in_context(text, expected):
    assert stance.classify(text).stance == expected


@pytest.mark.parametrize("positive,negative,stance_name,cue_id", [
    # openness without a decision (a double negation)
    ("Het kabinet staat niet onwelwillend tegenover dit voorstel.", "Het kabinet staat welwillend tegenover werkgevers.",
     "UnderConsideration", "stance.consider.niet-afwijzend/"),
    ("Het kabinet staat er niet afwijzend tegenover.", "Het kabinet staat er afwijzend tegenover.",
     "UnderConsideration", "stance.consider.niet-afwijzend/"),
    # taken into an open exploration
    ("Ik neem dit advies mee in de lopende verkenning.", "Ik neem dit advies mee in de wetgeving.",
     "UnderConsideration", "stance.consider.mee-in-verkenning/"),
    ("Het kabinet houdt deze aanbeveling in beraad.", "Het kabinet houdt deze aanbeveling voor juist.",
     "UnderConsideration", "stance.consider.in-overweging/"),
    # refusals in other words
    ("Het kabinet verwerpt dit voorstel.", "De Tweede Kamer verwerpt de motie.", "NotAdopted", "stance.reject.verwerpt/"),
    ("Het kabinet ziet hier geen rol voor de overheid.", "Het kabinet ziet hier een rol voor de overheid.",
     "NotAdopted", "stance.reject.geen-rol/"),
    ("Ik zie geen taak voor het Rijk.", "Werkgevers zien geen taak voor de overheid.", "NotAdopted",
     "stance.reject.geen-rol/"),
    ("Een apart fonds gaat het kabinet te ver.", "Een apart fonds gaat het kabinet niet te ver.", "NotAdopted",
     "stance.reject.te-ver/"),
    ("Ik ben er niet van overtuigd dat een verplichting helpt.", "De raad is er niet van overtuigd dat dit helpt.",
     "NotAdopted", "stance.reject.niet-overtuigd/"),
    ("Dit advies volg ik niet.", "Dit advies volg ik.", "NotAdopted", "stance.reject.ziet-af/"),
    ("Deze aanbeveling volgt het kabinet niet.", "Deze aanbeveling volgt uit de analyse.", "NotAdopted",
     "stance.reject.ziet-af/"),
    ("Ik wijs dit voorstel af.", "Ik wijs op de afspraken in het akkoord.", "NotAdopted", "stance.reject.kiest-niet/"),
    ("Het kabinet kan zich niet vinden in deze aanbeveling.", "Het kabinet kan zich vinden in deze aanbeveling.",
     "NotAdopted", "stance.adopt.eens/"),
    ("Afgewezen", "Het voorstel werd in 2020 afgewezen.", "NotAdopted", "stance.reject.verdict/"),
    # agreement in the first person
    ("Ik kan mij vinden in deze aanbeveling.", "Ik kan mij niet vinden in deze aanbeveling.", "Adopted",
     "stance.adopt.eens/"),
    ("Wij gaan hiermee aan de slag.", "Wij gaan hiermee niet aan de slag.", "Adopted", "stance.adopt.acts/"),
    ("Het kabinet herkent zich in de analyse van de raad.", "Het kabinet herkent zich niet in de analyse van de raad.",
     "Adopted", "stance.adopt.deelt/"),
    # agreement with a "but"
    ("Ik deel de analyse, maar een plicht gaat te ver.", "Het kabinet voert een deel de komende jaren uit, maar niet alles.", "PartlyAdopted",
     "stance.partly.maar/"),
    ("Het kabinet omarmt het doel, maar wijst een fiscale regeling af.", "Het kabinet omarmt het doel van de raad.",
     "PartlyAdopted", "stance.partly.maar/"),
    # acknowledgement in the first person, or as a verdict
    ("Ik heb kennisgenomen van dit voorstel.", "Ik heb dit voorstel gelezen.", "Noted", "stance.noted.kennis/"),
    ("Kennisgenomen", "Kennisgenomen van de cijfers besloot de raad anders.", "Noted", "stance.noted.verdict/"),
    ("De verantwoordelijkheid hiervoor ligt bij werkgevers en werknemers.",
     "De verantwoordelijkheid hiervoor ligt bij het kabinet.", "Noted", "stance.noted.hand-off/"),
    # goes along, welcomes, already policy, works it out, gives effect to it
    ("Het kabinet gaat hierin mee.", "Het kabinet gaat hier niet in mee.", "Adopted", "stance.adopt.verwelkomt/"),
    ("Het kabinet is positief over dit voorstel.", "De raad is positief over de cijfers.", "Adopted",
     "stance.adopt.verwelkomt/"),
    ("Het kabinet ziet de meerwaarde van een register.", "Het kabinet ziet geen meerwaarde in een register.", "Adopted",
     "stance.adopt.verwelkomt/"),
    ("Dit is al staand beleid.", "Dit is geen beleid.", "Adopted", "stance.adopt.already/"),
    ("Het kabinet acht dit een goede suggestie en werkt deze uit.", "Het kabinet acht dit een goede suggestie.",
     "Adopted", "stance.adopt.acts/"),
    ("Het kabinet geeft hier invulling aan door een programma.", "Het kabinet geeft hier geen invulling aan.",
     "Adopted", "stance.adopt.geregeld/"),
    ("Ik ben voornemens dit advies op te volgen.", "Ik vraag werkgevers meldingen op te volgen.", "Adopted",
     "stance.adopt.sluit-aan/"),
    # refusals: a decision not to, disagreement, reluctance, no money, no priority
    ("Het kabinet heeft besloten het advies niet op te volgen.", "Het kabinet heeft besloten het advies op te volgen.",
     "NotAdopted", "stance.reject.ziet-af/"),
    ("Het kabinet is het op dit punt oneens met de raad.", "Het kabinet is het op dit punt eens met de raad.",
     "NotAdopted", "stance.reject.bedenkingen/"),
    ("Het kabinet is terughoudend met een nieuwe verplichting.", "Werkgevers zijn terughoudend met investeringen.",
     "NotAdopted", "stance.reject.bedenkingen/"),
    ("Het kabinet heeft bedenkingen bij dit voorstel.", "Het kabinet heeft geen bezwaren tegen dit voorstel.",
     "NotAdopted", "stance.reject.bedenkingen/"),
    ("Het kabinet is het niet met de raad eens.", "Het kabinet is het met de raad eens.", "NotAdopted",
     "stance.adopt.eens/"),
    ("Het kabinet ziet op dit moment geen mogelijkheden om dit te financieren.",
     "Het kabinet ziet op dit moment mogelijkheden om dit te financieren.", "NotAdopted", "stance.reject.geen-aanleiding/"),
    ("Het kabinet geeft hieraan geen prioriteit.", "Het kabinet geeft prioriteit aan scholing.", "NotAdopted",
     "stance.reject.geen-aanleiding/"),
    # no decision yet, left to others
    ("Het kabinet wil eerst de resultaten van de evaluatie afwachten.", "Het kabinet wil de evaluatie uitvoeren.",
     "UnderConsideration", "stance.consider.nog-geen-besluit/"),
    ("Het kabinet laat de uitwerking over aan sociale partners.", "Het kabinet laat de uitwerking over aan de ministeries.",
     "Noted", "stance.noted.hand-off/"),
    # for and against, no objection, not unconditionally
    ("Het kabinet is een groot voorstander van deze aanbeveling.", "Het kabinet is geen voorstander van deze aanbeveling.",
     "Adopted", "stance.adopt.voorstander/"),
    ("Het kabinet heeft geen bezwaar tegen deze aanbeveling.", "Werkgevers hebben geen bezwaar tegen deze aanbeveling.",
     "Adopted", "stance.adopt.geen-bezwaar/"),
    ("Het kabinet is tegen dit voorstel.", "Het kabinet is niet tegen dit voorstel.", "NotAdopted", "stance.reject.is-tegen/"),
    ("Het kabinet neemt deze aanbeveling niet zonder meer over.", "Het kabinet neemt deze aanbeveling zonder meer over.",
     "PartlyAdopted", "stance.partly.vorm/"),
    # more ways to act, agree, defer or refuse
    ("Het kabinet zal de wet op dit punt aanpassen.", "Het kabinet zal het aanpassen van de wet onderzoeken.", "Adopted",
     "stance.adopt.acts/"),
    ("Daarom gaat het kabinet de registratie verbeteren.", "Het kabinet gaat het verbeteren van de registratie bezien.",
     "Adopted", "stance.adopt.acts/"),
    ("Deze aanbeveling wordt door het kabinet van harte ondersteund.", "Deze aanbeveling wordt door werkgevers gesteund, "
     "maar het kabinet neemt haar niet over.", "Adopted", "stance.adopt.steunt-aanbeveling/"),
    ("Het kabinet volgt de raad in deze aanbeveling.", "Het kabinet volgt de raad in deze aanbeveling niet.", "Adopted",
     "stance.adopt.sluit-aan/"),
    ("Over de financiering besluit het kabinet bij de Voorjaarsnota.", "Het kabinet besluit in 2026 de regeling te verlengen.",
     "UnderConsideration", "stance.consider.besluit-volgt/"),
    ("Het kabinet overweegt een proef met een ontwikkelbudget.", "Het kabinet voert een proef met een ontwikkelbudget uit.",
     "UnderConsideration", "stance.consider.in-overweging/"),
    ("Het kabinet zal dit voorstel meenemen in de lopende evaluatie.", "Het kabinet zal dit voorstel meenemen in de wet.",
     "UnderConsideration", "stance.consider.mee-in-verkenning/"),
    ("Het kabinet gaat na of de wet kan worden aangepast.", "Het kabinet gaat naar de Kamer.", "UnderConsideration",
     "stance.consider.bespreekt/"),
    ("Het kabinet ziet meer in een andere aanpak.", "Het kabinet ziet meer in deze aanpak.", "NotAdopted",
     "stance.reject.andere-route/"),
    # the decision is put off: taken into an evaluation, decided in a season, in a clause that ends with it
    ("Dit voorstel wordt betrokken bij de evaluatie van de wet.", "Werkgevers worden betrokken bij de uitvoering.",
     "UnderConsideration", "stance.consider.mee-in-verkenning/"),
    ("Het kabinet betrekt dit voorstel bij de evaluatie.", "Het kabinet betrekt werkgevers bij de uitvoering.",
     "UnderConsideration", "stance.consider.mee-in-verkenning/"),
    ("Op basis daarvan besluit het kabinet in het voorjaar van 2026.", "Het kabinet besluit in 2026 de regeling te verlengen.",
     "UnderConsideration", "stance.consider.besluit-volgt/"),
    ("Dit deel wordt uitgewerkt in het pakket, waarover het kabinet voor 1 juli een besluit neemt.",
     "Het kabinet neemt een besluit over de regeling en voert die uit.", "UnderConsideration",
     "stance.consider.besluit-volgt/"),
    ("Het kabinet zal eerst de pilots laten evalueren.", "Het kabinet zal de pilots laten evalueren.",
     "UnderConsideration", "stance.consider.eerst-gesprek/"),
    # taken along in the elaboration of policy, given effect with the verb first
    ("Het kabinet zal dit meenemen in de verdere uitwerking.", "Het kabinet zal dit niet meenemen in de uitwerking.",
     "Adopted", "stance.adopt.meenemen/"),
    ("Hiermee wordt aan deze aanbeveling volledig invulling gegeven.", "Hiermee wordt aan de moties invulling gegeven.",
     "Adopted", "stance.adopt.geregeld/"),
    # a part named with "dat"; left to others as their responsibility
    ("Dat deel van de aanbeveling neemt het kabinet niet over.", "Die aanbeveling neemt het kabinet niet over.",
     "PartlyAdopted", "stance.partly.deels/"),
    ("Dit is primair een verantwoordelijkheid van sociale partners.", "Dit is primair een verantwoordelijkheid van het Rijk.",
     "Noted", "stance.noted.hand-off/"),
])
def test_more_new_cues_fire_and_their_look_alikes_do_not(positive, negative, stance_name, cue_id):
    test_new_cue_fires_and_its_look_alike_does_not(positive, negative, stance_name, cue_id)


def test_niet_onwelwillend_does_not_negate_the_cue_beside_it():
    """The hedge's "niet" is no negation word for the adopting cue after it."""
    verdict = stance.classify("Het kabinet staat niet onwelwillend tegenover dit voorstel en steunt het doel.")
    assert not any(f.stance == "NotAdopted" for f in verdict.fired)


@pytest.mark.parametrize("text,first_end,expected", [
    # agreement with the goal, then a refusal: the refusal decides
    ("Het kabinet onderschrijft het belang van scholing.\n\nEen hoger budget neemt het kabinet echter niet over.", 51,
     "NotAdopted"),
    ("Het kabinet deelt de zorg van de raad.\n\nHet kabinet zal verkennen of een norm haalbaar is.", 38,
     "UnderConsideration"),
    # agreement with the recommendation itself, then a refusal of a part: a conflict
    ("Het kabinet onderschrijft deze aanbeveling.\n\nHet fonds neemt het kabinet echter niet over.", 43, "PartlyAdopted"),
    # the preamble alone still agrees
    ("Het kabinet onderschrijft het belang van scholing.", None, "Adopted"),
])
def test_agreement_with_the_goal_yields_to_a_refusal_or_deferral(text, first_end, expected):
    verdict = stance.classify(text, first_end)
    assert verdict.stance == expected


def test_agreement_with_the_goal_is_its_own_cue():
    fired = [f.cue.id for f in stance.classify("Het kabinet steunt het doel van de raad.").fired]
    assert any(c.startswith("stance.adopt.belang/") for c in fired)
    assert not any(c.startswith("stance.adopt.steunt/") for c in fired)
    fired = [f.cue.id for f in stance.classify("Het kabinet steunt de raad in zijn oproep.").fired]
    assert any(c.startswith("stance.adopt.steunt/") for c in fired)
    assert not any(c.startswith("stance.adopt.belang/") for c in fired)


@pytest.mark.parametrize("text,expected", [
    # reluctance, then the decision waits for an evaluation: under consideration (the mix rule)
    ("Het kabinet is terughoudend met een verhoging. Het kabinet wacht daarom de evaluatie van de wet af.",
     "UnderConsideration"),
    # ... unless the recommendation is refused in so many words
    ("Het kabinet is terughoudend met een verhoging en neemt de aanbeveling niet over. Het kabinet wacht de evaluatie af.",
     "NotAdopted"),
    # reluctance alone
    ("Het kabinet heeft bedenkingen bij een verplichting.", "NotAdopted"),
])
def test_reluctance_and_awaiting_an_evaluation(text, expected):
    verdict = stance.classify(text)
    assert verdict.stance == expected
    assert (verdict.mix is not None and verdict.mix.id.startswith("stance.mix.reluctant-and-await/")) is \
        (expected == "UnderConsideration")


@pytest.mark.parametrize("text,expected", [
    ("Het kabinet neemt deze aanbeveling nog niet over.", "UnderConsideration"),  # not yet: the decision waits
    ("Het kabinet neemt deze aanbeveling vooralsnog niet over.", "NotAdopted"),  # for the time being: a refusal
    ("Het kabinet neemt de aanbeveling over. De regeling is nog niet af.", "Adopted"),
    ("Het kabinet kan deze aanbeveling niet anders dan onderschrijven.", "Adopted"),  # a double negation
])
def test_not_yet_and_not_otherwise(text, expected):
    assert stance.classify(text).stance == expected


@pytest.mark.parametrize("text,expected", [
    ("Of deze aanbeveling wordt overgenomen, hangt af van de uitkomsten van het onderzoek.", "UnderConsideration"),
    ("Het kabinet onderzoekt of de aanbeveling kan worden overgenomen.", "UnderConsideration"),
    # "of" as "or", or outside the cue's clause: no question
    ("Het kabinet neemt de aanbeveling over of werkt een alternatief uit.", "Adopted"),
    ("Het kabinet neemt deze aanbeveling over, of in elk geval het eerste deel daarvan.", "Adopted"),
    ("Werkgevers of werknemers: het kabinet neemt de aanbeveling over.", "Adopted"),
])
def test_a_decision_that_is_only_asked_about_is_under_consideration(text, expected):
    verdict = stance.classify(text)
    assert verdict.stance == expected


@pytest.mark.parametrize("text,expected", [
    # two negations cancel: no reason not to adopt it is to adopt it
    ("Het kabinet ziet geen reden om deze aanbeveling niet over te nemen.", "Adopted"),
    ("Het kabinet ziet geen aanleiding deze aanbeveling niet op te volgen.", "Adopted"),
    ("Ik zie geen reden om het voorstel niet te steunen.", "Adopted"),
    # ... but not across a conjunction, nor a single negation
    ("Het kabinet ziet geen aanleiding voor een wetswijziging en neemt de aanbeveling niet over.", "NotAdopted"),
    ("Het kabinet ziet geen reden om deze aanbeveling over te nemen.", "NotAdopted"),
    ("Het kabinet neemt deze aanbeveling niet over.", "NotAdopted"),
])
def test_a_double_negation_cancels(text, expected):
    assert stance.classify(text).stance == expected


def test_agreeing_with_the_goal_but_leaving_it_to_others_is_noted():
    """"onderschrijft het belang, maar ... een verantwoordelijkheid van sociale partners": no decision of
    the cabinet's own (stance.mix.goal-but-hand-off), where agreeing and acting is PartlyAdopted."""
    verdict = stance.classify("Het kabinet onderschrijft het belang hiervan, maar dit is primair een verantwoordelijkheid "
                              "van sociale partners.")
    assert verdict.stance == "Noted" and verdict.mix.id.startswith("stance.mix.goal-but-hand-off/")
    assert stance.classify("Het kabinet onderschrijft het belang hiervan, maar kiest een andere route.").stance \
        == "PartlyAdopted"


def test_agreeing_with_the_goal_but_refusing_the_recommendation_is_not_adopted():
    """The polite refusal: "onderschrijft het doel van deze aanbeveling, maar neemt haar niet over"."""
    verdict = stance.classify("Het kabinet onderschrijft het doel van deze aanbeveling, maar neemt haar niet over.")
    assert verdict.stance == "NotAdopted" and verdict.mix.id.startswith("stance.mix.goal-but-refused/")


@pytest.mark.parametrize("text,expected", [
    ("Het kabinet neemt dit aanbod graag aan.", "Adopted"),
    ("Het kabinet neemt dit aanbod niet aan.", "NotAdopted"),
    ("Het kabinet is bereid te bezien of dit kan worden opgenomen.", "UnderConsideration"),
    ("Het kabinet is bereid de raad te ontvangen.", "Noted"),  # willing, but not to weigh the proposal
])
def test_accepting_an_offer_and_being_willing_to_weigh_it(text, expected):
    assert stance.classify(text).stance == expected


def test_what_the_cabinet_supports_instead_makes_no_partial_adoption():
    refused = ("Het kabinet neemt deze aanbeveling niet over. Het kabinet zet in plaats daarvan in op het tegengaan "
               "van schijnzelfstandigheid. Daarnaast ondersteunt het kabinet het sectorale plan van de werkgevers.")
    verdict = stance.classify(refused)
    assert verdict.stance == "NotAdopted" and verdict.mix.id.startswith("stance.mix.refused-and-instead/")
    # without "in plaats daarvan" the support is a part adopted
    assert stance.classify(refused.replace(" in plaats daarvan", "")).stance == "PartlyAdopted"


def test_a_partial_verdict_outweighs_agreeing_with_the_goal_but_refusing_a_means():
    text = ("Het kabinet onderschrijft het doel dat iedere werkende over middelen beschikt, maar kiest niet voor een "
            "nieuw, generiek budget. Het kabinet neemt deze aanbeveling daarmee deels over.")
    assert stance.classify(text).stance == "PartlyAdopted"
    assert stance.classify(text.split(" Het kabinet neemt")[0]).stance == "NotAdopted"


def test_the_councils_own_proposal_retold_in_a_reaction_is_no_stance():
    """In a reply section ("Ad 7.") the council's words are retold before the cabinet's: "De SER roept werkgevers
    op ..." holds no stance of the cabinet's, unless the sentence names the cabinet too."""
    text = ("De SER roept werkgevers en werknemers op om afspraken te maken en steunt de initiatieven van de "
            "Stichting. Het kabinet neemt kennis van deze aanbeveling.")
    assert stance.classify(text).stance == "Noted"
    assert stance.classify("De raad vraagt om een onderzoek; het kabinet neemt dit over.").stance == "Adopted"


def test_agreeing_with_the_goal_but_not_deciding_yet_is_under_consideration():
    text = ("Het kabinet onderschrijft het doel van deze aanbeveling, maar neemt nog geen besluit. Het kabinet laat "
            "daarom eerst onderzoek verrichten.")
    verdict = stance.classify(text)
    assert verdict.stance == "UnderConsideration" and verdict.mix.id.startswith("stance.mix.goal-but-not-yet/")


@pytest.mark.parametrize("positive,negative,stance_name,cue_id", [
    ("Het kabinet neemt hiervan kennis.", "Het kabinet neemt hiervan de kosten over.", "Noted", "stance.noted.kennis/"),
    ("Het kabinet wil eerst zicht hebben op de uitvoerbaarheid.", "Het kabinet heeft zicht op de uitvoerbaarheid.",
     "UnderConsideration", "stance.consider.eerst-zicht/"),
    ("Over een verhoging kan ik echter geen toezegging doen.", "Over een verhoging doe ik een toezegging.",
     "UnderConsideration", "stance.consider.eerst-zicht/"),
    ("Na ontvangst daarvan neemt het kabinet een besluit.", "Het kabinet heeft een besluit genomen.",
     "UnderConsideration", "stance.consider.later-besluit/"),
    ("Het kabinet gaat met aanbeveling 1 aan de slag.", "De werkgevers gaan met de cao aan tafel.", "Adopted",
     "stance.adopt.acts/"),
])
def test_cues_of_the_sixth_round_fire_and_their_look_alikes_do_not(positive, negative, stance_name, cue_id):
    verdict = stance.classify(positive)
    assert verdict.stance == stance_name
    assert any(f.cue.id.startswith(cue_id) and f.stance == stance_name for f in verdict.fired)
    assert not any(f.cue.id.startswith(cue_id) for f in stance.classify(negative).fired)


def test_taking_note_is_no_taking_over_though_over_follows():
    verdict = stance.classify("Wij nemen er kennis van en wijzen erop dat afspraken over minimumtarieven lastig zijn.")
    assert verdict.stance == "Noted"
    assert not any(f.cue.id.startswith("stance.adopt.neemt-over/") for f in verdict.fired)


def test_agreeing_with_the_analysis_is_a_preamble_that_yields_to_a_deferral():
    text = ("Het kabinet onderschrijft de analyse van de raad. Over een verhoging kan ik echter geen toezegging doen. "
            "Ik zal de aanbeveling in die besluitvorming inbrengen.")
    assert stance.classify(text).stance == "UnderConsideration"
    # the analysis with its solutions is the recommendation itself
    assert stance.classify("Het kabinet onderschrijft de analyse en oplossingsrichtingen van de SER.").stance == "Adopted"


def test_a_decision_taken_over_something_later_is_no_taking_over():
    verdict = stance.classify("Het kabinet wacht de evaluatie af voordat het een besluit neemt over een vergelijkbare "
                              "regeling.")
    assert verdict.stance == "UnderConsideration"
    assert not any(f.cue.id.startswith("stance.adopt.neemt-over/") for f in verdict.fired)


def test_preferring_another_instrument_is_no_adoption():
    assert stance.classify("Het kabinet ziet meer in de civielrechtelijke aansprakelijkheid.").stance == "NotAdopted"
    assert stance.classify("Het kabinet ziet meer in deze aanbeveling dan in de vorige.").stance != "NotAdopted"


def test_a_verdict_cell_under_consideration():
    assert stance.classify("In onderzoek.").stance == "UnderConsideration"
    assert not any(f.cue.id.startswith("stance.consider.verdict/") for f in stance.classify(
        "De regeling is in onderzoek geweest en daarna ingevoerd.").fired)


@pytest.mark.parametrize("text, expected", [
    # endorsed, and the work is the social partners': no part is kept back
    ("Het kabinet onderschrijft deze aanbeveling, maar wijst erop dat dit aan sociale partners is.", "Adopted"),
    # a part kept back in so many words stays partial
    ("Het kabinet neemt deze aanbeveling deels over, maar de rest is aan sociale partners.", "PartlyAdopted"),
    ("Het kabinet onderschrijft deze aanbeveling, maar neemt het budget niet over.", "PartlyAdopted"),
])
def test_an_endorsement_that_leaves_the_work_to_others(text, expected):
    assert stance.classify(text).stance == expected
