"""The home page's "programme in numbers": what counts and what does not."""

import pytest
from bs4 import BeautifulSoup

from home.factories import HomePageFactory
from programmes.factories import (
    LocalAuthorityFactory,
    ProgrammeIndexPageFactory,
    ProgrammePageFactory,
    SchoolFactory,
)
from programmes.models import ProgrammeSchool
from programmes.selectors import headline_figures

pytestmark = pytest.mark.django_db


def programme(site_tree, *, schools=(), **kwargs):
    page = ProgrammePageFactory(parent=site_tree["programme_index"], **kwargs)
    for school in schools:
        ProgrammeSchool.objects.create(page=page, school=school)
    return page


def figures_on_home_page(client) -> dict[str, str]:
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    section = soup.select_one("section[aria-labelledby=figures-heading]")
    assert section is not None, "the home page has no headline figures"
    return {
        item.select_one("dt").get_text(strip=True): item.select_one("dd").get_text(" ", strip=True)
        for item in section.select(".portal-figures__item")
    }


def test_counts_only_live_programmes(site_tree):
    programme(site_tree)
    programme(site_tree)
    programme(site_tree, live=False)

    assert headline_figures(site_root=site_tree["home"])["programme_count"] == 2


def test_counts_each_local_authority_once(site_tree):
    thurrock, essex = LocalAuthorityFactory(name="Thurrock"), LocalAuthorityFactory(name="Essex")
    programme(site_tree, local_authorities=[thurrock, essex])
    programme(site_tree, local_authorities=[thurrock])

    assert headline_figures(site_root=site_tree["home"])["local_authority_count"] == 2


def test_local_authorities_of_drafts_and_unused_ones_do_not_count(site_tree):
    programme(site_tree, local_authorities=[LocalAuthorityFactory(name="Thurrock")])
    programme(site_tree, local_authorities=[LocalAuthorityFactory(name="Essex")], live=False)
    LocalAuthorityFactory(name="Southend")

    assert headline_figures(site_root=site_tree["home"])["local_authority_count"] == 1


def test_counts_each_school_once_across_programmes(site_tree):
    shared, other = SchoolFactory(), SchoolFactory()
    programme(site_tree, schools=[shared, other])
    programme(site_tree, schools=[shared])

    assert headline_figures(site_root=site_tree["home"])["school_count"] == 2


def test_schools_only_in_drafts_do_not_count(site_tree):
    programme(site_tree, schools=[SchoolFactory()])
    programme(site_tree, schools=[SchoolFactory()], live=False)

    assert headline_figures(site_root=site_tree["home"])["school_count"] == 1


def test_average_impact_ignores_programmes_without_a_score(site_tree):
    programme(site_tree, impact_score=6)
    programme(site_tree, impact_score=9)
    programme(site_tree, impact_score=None)

    assert headline_figures(site_root=site_tree["home"])["average_impact_score"] == pytest.approx(7.5)


def test_average_impact_ignores_drafts(site_tree):
    programme(site_tree, impact_score=4)
    programme(site_tree, impact_score=10, live=False)

    assert headline_figures(site_root=site_tree["home"])["average_impact_score"] == pytest.approx(4)


def test_average_impact_is_none_when_nothing_is_scored(site_tree):
    programme(site_tree, impact_score=None)

    assert headline_figures(site_root=site_tree["home"])["average_impact_score"] is None


def test_home_page_shows_the_figures(client, site_tree):
    thurrock, essex = LocalAuthorityFactory(name="Thurrock"), LocalAuthorityFactory(name="Essex")
    shared = SchoolFactory(local_authority=thurrock)
    programme(site_tree, local_authorities=[thurrock], schools=[shared], impact_score=7)
    programme(
        site_tree,
        local_authorities=[thurrock, essex],
        schools=[shared, SchoolFactory(local_authority=essex)],
        impact_score=8,
    )
    programme(site_tree, live=False, impact_score=1, schools=[SchoolFactory()])

    assert figures_on_home_page(client) == {
        "Programmes": "2",
        "Local authorities taking part": "2",
        "Schools involved": "2",
        "Average impact score": "7.5 out of 10",
    }


def test_home_page_says_not_yet_scored_when_no_programme_has_a_score(client, site_tree):
    programme(site_tree, impact_score=None)

    assert figures_on_home_page(client)["Average impact score"] == "Not yet scored"


def test_home_page_figures_with_no_programmes_at_all(client, site_tree):
    assert figures_on_home_page(client) == {
        "Programmes": "0",
        "Local authorities taking part": "0",
        "Schools involved": "0",
        "Average impact score": "Not yet scored",
    }


def test_counts_only_the_sites_own_programmes(site_tree):
    """One deployment can serve several LAs' sites: each home page shows its own figures."""
    programme(site_tree, impact_score=8, local_authorities=[LocalAuthorityFactory()])
    other_home = HomePageFactory(parent=site_tree["home"].get_parent(), slug="other-site")
    other_section = ProgrammeIndexPageFactory(parent=other_home, slug="other-programmes")
    ProgrammePageFactory(parent=other_section, impact_score=2, local_authorities=[LocalAuthorityFactory()])

    figures = headline_figures(site_root=site_tree["home"])

    assert figures["programme_count"] == 1
    assert figures["local_authority_count"] == 1
    assert figures["average_impact_score"] == pytest.approx(8)
