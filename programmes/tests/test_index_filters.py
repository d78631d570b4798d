"""The programme index as a visitor uses it: ticking filters, sharing filtered links, paging."""

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from programmes.factories import (
    LocalAuthorityFactory,
    ProgrammeIndexPageFactory,
    ProgrammePageFactory,
    career_stage,
)

pytestmark = pytest.mark.django_db

NO_MATCH = "No programmes match your filters."


@pytest.fixture
def catalogue(site_tree):
    """Four live programmes across three LAs, two themes each at most, every status."""
    index = site_tree["programme_index"]
    thurrock = LocalAuthorityFactory(name="Thurrock")
    essex = LocalAuthorityFactory(name="Essex")
    southend = LocalAuthorityFactory(name="Southend")
    ProgrammePageFactory(
        parent=index,
        title="Alpha",
        local_authorities=[thurrock],
        tags=["Networks"],
        audiences=[career_stage("middle-leader")],
        status="open",
    )
    ProgrammePageFactory(
        parent=index,
        title="Bravo",
        local_authorities=[essex],
        tags=["Coaching"],
        audiences=[career_stage("headteacher")],
        status="running",
    )
    ProgrammePageFactory(
        parent=index,
        title="Charlie",
        local_authorities=[thurrock, essex],
        tags=["Networks", "Coaching"],
        audiences=[career_stage("teacher"), career_stage("middle-leader")],
        status="completed",
    )
    ProgrammePageFactory(
        parent=index,
        title="Delta",
        local_authorities=[southend],
        tags=["Succession planning"],
        audiences=[career_stage("middle-leader")],
        status="open",
    )
    return index


def listed_titles(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [link.get_text(strip=True) for link in soup.select(".portal-card__title a")]


def get_index(client, index, query: str = ""):
    response = client.get(f"{index.url}{'?' if query else ''}{query}")
    assert response.status_code == 200
    return response


# --- Each filter alone ---------------------------------------------------------------------


def test_without_filters_every_live_programme_is_listed_by_title(client, catalogue):
    assert listed_titles(get_index(client, catalogue)) == ["Alpha", "Bravo", "Charlie", "Delta"]


def test_filter_by_local_authority(client, catalogue):
    assert listed_titles(get_index(client, catalogue, "local_authority=thurrock")) == ["Alpha", "Charlie"]


def test_filter_by_theme(client, catalogue):
    assert listed_titles(get_index(client, catalogue, "theme=networks")) == ["Alpha", "Charlie"]


def test_filter_by_who_it_is_for(client, catalogue):
    response = get_index(client, catalogue, "audience=middle-leader")
    assert listed_titles(response) == ["Alpha", "Charlie", "Delta"]


def test_filter_by_status(client, catalogue):
    assert listed_titles(get_index(client, catalogue, "status=completed")) == ["Charlie"]


# --- Combining filters ---------------------------------------------------------------------


def test_values_within_one_filter_widen_the_list(client, catalogue):
    response = get_index(client, catalogue, "local_authority=thurrock&local_authority=southend")
    assert listed_titles(response) == ["Alpha", "Charlie", "Delta"]


def test_a_programme_matching_two_chosen_values_is_listed_once(client, catalogue):
    response = get_index(client, catalogue, "local_authority=thurrock&local_authority=essex")
    assert listed_titles(response) == ["Alpha", "Bravo", "Charlie"]


def test_different_filters_narrow_the_list(client, catalogue):
    assert listed_titles(get_index(client, catalogue, "local_authority=thurrock&status=open")) == ["Alpha"]
    assert listed_titles(get_index(client, catalogue, "local_authority=essex&theme=networks")) == ["Charlie"]


def test_all_four_filters_together(client, catalogue):
    query = "local_authority=essex&theme=coaching&audience=teacher&status=completed&status=open"
    assert listed_titles(get_index(client, catalogue, query)) == ["Charlie"]


def test_chosen_filters_stay_ticked(client, catalogue):
    soup = BeautifulSoup(get_index(client, catalogue, "theme=networks&status=open").content, "html.parser")

    ticked = {(box["name"], box["value"]) for box in soup.select("input[type=checkbox][checked]")}

    assert ticked == {("theme", "networks"), ("status", "open")}


def test_each_chosen_filter_has_a_link_that_removes_only_it(client, catalogue):
    soup = BeautifulSoup(get_index(client, catalogue, "theme=networks&status=open").content, "html.parser")

    remaining_after_removal = [
        parse_qs(urlsplit(link["href"]).query) for link in soup.select("a.portal-active-filters__remove")
    ]

    assert len(remaining_after_removal) == 2
    assert {"status": ["open"]} in remaining_after_removal
    assert {"theme": ["networks"]} in remaining_after_removal


# --- Nothing matches -----------------------------------------------------------------------


def test_no_match_says_so_and_offers_all_programmes(client, catalogue):
    response = get_index(client, catalogue, "local_authority=southend&status=completed")

    assert listed_titles(response) == []
    content = response.content.decode()
    assert NO_MATCH in content
    assert "0 programmes" in content
    assert f'href="{catalogue.url}">see all programmes' in content


def test_empty_section_says_there_are_none(client, site_tree):
    response = get_index(client, site_tree["programme_index"])

    assert listed_titles(response) == []
    assert "0 programmes" in response.content.decode()


# --- Bad input in the URL ------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "local_authority=atlantis",
        "theme=no-such-theme",
        "audience=astronaut",
        "status=abandoned",
        "page=not-a-number",
        "page=999",
        "local_authority=",
    ],
)
def test_unknown_values_in_the_url_are_ignored(client, catalogue, query):
    response = get_index(client, catalogue, query)

    assert NO_MATCH not in response.content.decode()
    assert len(listed_titles(response)) > 0


def test_an_unknown_value_does_not_cancel_the_known_ones(client, catalogue):
    response = get_index(client, catalogue, "local_authority=atlantis&local_authority=thurrock")

    assert listed_titles(response) == ["Alpha", "Charlie"]


def test_an_unknown_status_does_not_cancel_the_known_ones(client, catalogue):
    assert listed_titles(get_index(client, catalogue, "status=abandoned&status=running")) == ["Bravo"]


# --- What is not listed --------------------------------------------------------------------


def test_drafts_are_not_listed(client, catalogue):
    ProgrammePageFactory(parent=catalogue, title="Echo draft", live=False)

    assert "Echo draft" not in listed_titles(get_index(client, catalogue))


def test_programmes_in_another_section_are_not_listed(client, site_tree, catalogue):
    other_section = ProgrammeIndexPageFactory(parent=site_tree["home"], title="Archive", slug="archive")
    ProgrammePageFactory(parent=other_section, title="Foxtrot elsewhere")

    assert "Foxtrot elsewhere" not in listed_titles(get_index(client, catalogue))
    assert listed_titles(get_index(client, other_section)) == ["Foxtrot elsewhere"]


def test_a_theme_used_only_by_a_draft_is_not_offered(client, catalogue):
    ProgrammePageFactory(parent=catalogue, title="Golf draft", tags=["Secret theme"], live=False)

    soup = BeautifulSoup(get_index(client, catalogue).content, "html.parser")

    assert {box["value"] for box in soup.select("input[name=theme]")} == {
        "networks",
        "coaching",
        "succession-planning",
    }


# --- Pagination ----------------------------------------------------------------------------


@pytest.fixture
def long_list(site_tree):
    """Seven Thurrock programmes and two Essex ones, five to a page."""
    index = site_tree["programme_index"]
    index.programmes_per_page = 5
    index.save_revision().publish()
    thurrock = LocalAuthorityFactory(name="Thurrock")
    essex = LocalAuthorityFactory(name="Essex")
    for number in range(1, 8):
        ProgrammePageFactory(parent=index, title=f"Thurrock {number}", local_authorities=[thurrock])
    for number in range(1, 3):
        ProgrammePageFactory(parent=index, title=f"Essex {number}", local_authorities=[essex])
    index.refresh_from_db()
    return index


def next_page_link(response) -> str:
    soup = BeautifulSoup(response.content, "html.parser")
    link = soup.select_one("a[rel=next]")
    assert link is not None, "no link to the next page"
    return link["href"]


def test_list_is_split_into_pages(client, long_list):
    first = get_index(client, long_list)
    second = client.get(long_list.url + next_page_link(first))

    assert len(listed_titles(first)) == 5
    assert len(listed_titles(second)) == 4
    assert set(listed_titles(first)).isdisjoint(listed_titles(second))


def test_page_links_keep_the_filters(client, long_list):
    first = get_index(client, long_list, "local_authority=thurrock&status=open")

    href = next_page_link(first)

    assert parse_qs(urlsplit(href).query) == {
        "local_authority": ["thurrock"],
        "status": ["open"],
        "page": ["2"],
    }
    second = client.get(long_list.url + href)
    assert listed_titles(second) == ["Thurrock 6", "Thurrock 7"]


def test_page_links_do_not_repeat_the_page_number(client, long_list):
    second = get_index(client, long_list, "local_authority=thurrock&page=2")

    soup = BeautifulSoup(second.content, "html.parser")
    previous = soup.select_one("a[rel=prev]")["href"]

    assert parse_qs(urlsplit(previous).query) == {"local_authority": ["thurrock"], "page": ["1"]}
