"""Fixtures shared by the programmes app's tests."""

import pytest

from programmes.factories import LocalAuthorityFactory


@pytest.fixture
def authorities(db):
    """The local authorities a school import keeps schools for, by name."""
    return {
        name: LocalAuthorityFactory(name=name, slug=name.lower())
        for name in ("Essex", "Southend-on-Sea", "Suffolk", "Bedford")
    }
