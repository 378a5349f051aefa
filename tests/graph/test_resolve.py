"""Entity resolution across documents: merge only on evidence, one label per key."""
from __future__ import annotations

from polder.extract.model import DocumentInfo, Entity, Extraction, Mention, Ref, Relation, Span
from polder.graph.resolve import apply, corpus_index


def document(stem: str, persons: dict[str, str], affiliations: dict[str, str] = {}) -> Extraction:
    ex = Extraction(DocumentInfo(stem, f"{stem}.txt", "minutes", None, None, "utf-8", "0", 0))
    for key, label in persons.items():
        ex.entity(Entity(key, "Person", label))
        ex.mentions.append(Mention(key, Span(0, len(label), label, label), "test/1"))
    for key, org in affiliations.items():
        ex.relations.append(Relation(key, "org:memberOf", Ref(org), "test/1"))
    return ex


def resolved(*docs: Extraction) -> list[Extraction]:
    index = corpus_index(iter(docs))
    return [apply(d, index) for d in docs]


def test_surname_with_shared_affiliation_joins_full_name():
    a = document("a", {"person/henk-den-boer": "Henk den Boer"}, {"person/henk-den-boer": "org/mkb-nederland"})
    b = document("b", {"person/den-boer": "Den Boer"}, {"person/den-boer": "org/mkb-nederland"})
    _, b2 = resolved(a, b)
    assert list(b2.entities) == ["person/henk-den-boer"]
    assert b2.mentions[0].key == "person/henk-den-boer"
    assert b2.entities["person/henk-den-boer"].label == "Henk den Boer"


def test_same_surname_without_evidence_stays_apart():
    a = document("a", {"person/henk-den-boer": "Henk den Boer"}, {"person/henk-den-boer": "org/mkb-nederland"})
    b = document("b", {"person/de-boer": "De Boer"})
    _, b2 = resolved(a, b)
    assert list(b2.entities) == ["person/de-boer"]


def test_incompatible_given_names_stay_apart():
    a = document("a", {"person/piet-fortuin": "Piet Fortuin"}, {"person/piet-fortuin": "org/cnv"})
    b = document("b", {"person/k-fortuin": "K. Fortuin"}, {"person/k-fortuin": "org/cnv"})
    _, b2 = resolved(a, b)
    assert list(b2.entities) == ["person/k-fortuin"]


def test_initials_join_the_written_given_name_they_fit():
    a = document("a", {"person/ruud-scheepmaker": "Ruud Scheepmaker"}, {"person/ruud-scheepmaker": "org/fnv"})
    b = document("b", {"person/r-scheepmaker": "R. Scheepmaker"}, {"person/r-scheepmaker": "org/fnv"})
    c = document("c", {"person/k-scheepmaker": "K. Scheepmaker"}, {"person/k-scheepmaker": "org/fnv"})
    _, b2, c2 = resolved(a, b, c)
    assert list(b2.entities) == ["person/ruud-scheepmaker"]
    assert list(c2.entities) == ["person/k-scheepmaker"]  # another initial: another person


def test_two_sets_of_initials_stay_apart():
    a = document("a", {"person/r-j-scheepmaker": "R.J. Scheepmaker"}, {"person/r-j-scheepmaker": "org/fnv"})
    b = document("b", {"person/r-scheepmaker": "R. Scheepmaker"}, {"person/r-scheepmaker": "org/fnv"})
    a2, b2 = resolved(a, b)
    assert list(a2.entities) == ["person/r-j-scheepmaker"] and list(b2.entities) == ["person/r-scheepmaker"]


def test_one_label_per_key_across_documents():
    a = document("a", {"person/mariette-hamer": "MARIËTTE HAMER"})
    b = document("b", {"person/mariette-hamer": "Mariëtte Hamer"})
    a2, b2 = resolved(a, b)
    assert a2.entities["person/mariette-hamer"].label == b2.entities["person/mariette-hamer"].label == "Mariëtte Hamer"
    assert "MARIËTTE HAMER" in a2.entities["person/mariette-hamer"].alt_labels


def test_membership_keys_follow_their_person():
    a = document("a", {"person/nanda-piersma": "Nanda Piersma"}, {"person/nanda-piersma": "org/ser"})
    b = document("b", {"person/piersma": "Piersma"}, {"person/piersma": "org/ser"})
    b.entity(Entity("person/piersma/membership/kroonlid/org-ser", "org:Membership", "kroonlid",
                    props=[("org:member", Ref("person/piersma"))]))
    _, b2 = resolved(a, b)
    membership = b2.entities["person/nanda-piersma/membership/kroonlid/org-ser"]
    assert membership.props == [("org:member", Ref("person/nanda-piersma"))]
