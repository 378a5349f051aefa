"""Entity keys: slugs stay readable for names from every Latin-script language."""
from __future__ import annotations

import pytest

from polder.extract.keys import slug


@pytest.mark.parametrize("name, expected", [
    ("Mariëtte Hamer", "mariette-hamer"), ("Yıldız Aydın", "yildiz-aydin"), ("Łukasz Wróbel", "lukasz-wrobel"),
    ("Søren Ørsted", "soren-orsted"), ("Straße", "strasse"), ("Æsa Bjørk", "aesa-bjork"), ("Çelik Ünal", "celik-unal"),
    ("Van 't Hof & Zn.", "van-t-hof-en-zn"), ("???", "x"),
])
def test_slug(name, expected):
    assert slug(name) == expected
