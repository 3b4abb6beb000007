"""Places that act: a country as subject, a party to talks, a state's agents, a capital or seat of power."""

from __future__ import annotations

import pytest

from timeline.entities import tag_entities


def _actors(nlp, text: str) -> set[str]:  # type: ignore[no-untyped-def]
    """The canonical names of the mentions of ``text`` that act."""
    return {m.canonical for m in tag_entities(nlp(text)) if m.actor_kind is not None}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The Kremlin said on Monday that it had received no proposal for talks.", "Russia"),
        ("Under Fiala, Prague led an initiative that has supplied Ukraine with shells.", "Czechia"),
        ("Medinsky told reporters that Moscow was satisfied with the outcome.", "Russia"),
        ("The M23 pulled out on Monday of peace talks with Kinshasa.", "Democratic Republic of the Congo"),
        ("Oman brokered a ceasefire between the United States and the Houthis on May 6.", "United States"),
        ("The group blamed sanctions that the European Union imposed on Monday.", "European Union"),
        ("Israeli jets struck the southern Lebanese city of Tyre on Sunday.", "Israel"),
        ("Five people were killed by Russian drones overnight.", "Russia"),
        ("EU ambassadors agreed the package last Wednesday.", "European Union"),
        ("Britain announced its own largest package since 2022 on Monday.", "United Kingdom"),
        ("EU foreign ministers adopted a package of sanctions against Russia on Monday.", "Russia"),
    ],
)
def test_entities_locations_states_that_act(nlp, text: str, actor: str) -> None:  # type: ignore[no-untyped-def]
    """A seat of power, a capital or a union as subject, a party to talks or the target of sanctions, a state's
    jets or envoys: the state acts."""
    assert actor in _actors(nlp, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "place", "not_actor"),
    [
        ("Russian drones struck Kharkiv, Ukrainian officials said.", "Kharkiv", "Ukraine"),
        ("Sebba lies near the border with Niger.", "Niger", "Niger"),
        ("Protesters gathered in Moscow on Sunday.", "Moscow", "Russia"),
        ("Police detained the mayor in Istanbul on March 19.", "Istanbul", "Türkiye"),
    ],
)
def test_entities_locations_places_that_do_not_act(  # type: ignore[no-untyped-def]
    nlp, text: str, place: str, not_actor: str
) -> None:
    """Officials who report, a border with a country, a capital where things happen: no state acts."""
    mentions = tag_entities(nlp(text))
    assert place in {m.canonical for m in mentions}
    assert not_actor not in _actors(nlp, text)


@pytest.mark.slow
def test_entities_locations_a_seat_of_power_stays_a_place(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "The Kremlin said" names the Kremlin, a place in Russia, and a second mention makes Russia act."""
    mentions = tag_entities(nlp("The Kremlin said new sanctions would only harm Europe."))
    kremlin = [(m.canonical, m.country, m.actor_kind is not None, m.standalone) for m in mentions if m.start == 4]
    assert kremlin == [("Kremlin", "Russia", False, True), ("Russia", "Russia", True, False)]
