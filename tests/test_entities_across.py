"""One name per person across articles."""

from __future__ import annotations

import pytest

from timeline.entities.across import full_names


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
def test_entities_across_full_names(names: list[str], expected: dict[str, str]) -> None:
    """A lone surname maps to the one full name that ends in it, never to a guess between several."""
    assert full_names(names) == expected
