"""One name per entity across articles."""

from __future__ import annotations

import pytest

from timeline.entities.across import unified_names


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["Joe Biden", "Biden", "Hakan Fidan"], {"Biden": "Joe Biden"}),
        (["Bashar Al-Assad", "Assad"], {"Assad": "Bashar Al-Assad"}),
        (["George Bush", "Jeb Bush", "Bush"], {}),
        (["Fidan"], {}),
        ([], {}),
    ],
)
def test_entities_across_surnames(names: list[str], expected: dict[str, str]) -> None:
    """A lone surname maps to the one full name that ends in it, never to a guess between several."""
    assert unified_names(names) == expected


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["Volodymyr Zelenskyy", "Volodymyr Zelensky"], {"Volodymyr Zelenskyy": "Volodymyr Zelensky"}),
        (["Andrej Babiš", "Andrej Babis", "Babiš"], {"Andrej Babiš": "Andrej Babis", "Babiš": "Andrej Babis"}),
        (["Mohammed al-Bashir", "Mohammed Al-Bashir"], {"Mohammed al-Bashir": "Mohammed Al-Bashir"}),
        (["Tayyip Erdogan", "Recep Tayyip Erdogan"], {"Tayyip Erdogan": "Recep Tayyip Erdogan"}),
        (["Al Thani", "Tamim bin Hamad Al Thani", "Mohammed bin Abdulrahman Al Thani"], {}),
        (["Yoon", "Yoon Suk Yeol"], {"Yoon": "Yoon Suk Yeol"}),
        (["Hakan", "Hakan Fidan"], {}),
        (["Sara Duterte", "Rodrigo Duterte", "Duterte"], {}),
    ],
)
def test_entities_across_people(names: list[str], expected: dict[str, str]) -> None:
    """Spellings of one name become the plainest; a tail, or a family name written first, the one full name."""
    assert unified_names(names) == expected


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["JNIM", "Jama'at Nusrat al-Islam wal-Muslimin"], {"JNIM": "Jama'at Nusrat al-Islam wal-Muslimin"}),
        (["General Motors Corporation", "General Motors", "GM"], {"General Motors Corporation": "General Motors"}),
        (["Taiwan Semiconductor Manufacturing Co"], {}),
        (["Royal Jordanian", "Royal Jordanian Airlines"], {"Royal Jordanian": "Royal Jordanian Airlines"}),
        (["Parliament", "European Parliament"], {}),
        (["Health Ministry", "Lebanon Health Ministry"], {}),
    ],
)
def test_entities_across_organisations(names: list[str], expected: dict[str, str]) -> None:
    """One well-known group, a legal form, a short form: one organisation; a generic body stays its own."""
    assert unified_names(names) == expected


def test_entities_across_places_are_left_alone() -> None:
    """A state's name is no surname: "Jordan" stays, even beside "Michael Jordan"."""
    assert unified_names(["Jordan", "Michael Jordan"], places={"Jordan"}) == {}
