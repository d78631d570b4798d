"""Site search at /search/?q=, as a visitor uses it."""

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from home.factories import StandardPageFactory
from programmes.factories import LocalAuthorityFactory, ProgrammePageFactory
from programmes.models import ProgrammePage

pytestmark = pytest.mark.django_db


def search(client, query: str | None = None, **params):
    if query is not None:
        params["q"] = query
    response = client.get("/search/", params)
    assert response.status_code == 200
    return response


def result_titles(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [link.get_text(strip=True) for link in soup.select(".portal-results__item h3 a")]


@pytest.fixture
def programmes(site_tree):
    index = site_tree["programme_index"]
    ProgrammePageFactory(
        parent=index,
        title="Terrific Teams",
        summary="Middle leaders learn to build strong departments.",
        tags=["Networks"],
    )
    ProgrammePageFactory(
        parent=index,
        title="Aspiring Heads",
        summary="Deputies prepare for headship with a mentor.",
        tags=["Succession planning"],
    )
    return index


def test_finds_a_programme_by_a_word_in_its_title(client, programmes):
    assert result_titles(search(client, "terrific")) == ["Terrific Teams"]


def test_finds_a_programme_by_a_word_in_its_summary(client, programmes):
    assert result_titles(search(client, "mentor")) == ["Aspiring Heads"]


def test_finds_a_programme_by_its_theme(client, programmes):
    assert result_titles(search(client, "succession")) == ["Aspiring Heads"]


def test_finds_standard_pages_too(client, site_tree):
    StandardPageFactory(parent=site_tree["home"], title="Accessibility statement")

    assert result_titles(search(client, "accessibility")) == ["Accessibility statement"]


def test_results_link_to_the_page_and_show_its_summary(client, programmes):
    response = search(client, "terrific")

    soup = BeautifulSoup(response.content, "html.parser")
    item = soup.select_one(".portal-results__item")
    assert item.select_one("a")["href"] == "/programmes/terrific-teams/"
    assert "Middle leaders learn to build strong departments." in item.get_text()
    assert "1 result" in response.content.decode()


def test_no_match_says_so(client, programmes):
    response = search(client, "astrophysics")

    assert result_titles(response) == []
    content = response.content.decode()
    assert "0 results" in content
    assert "There are no matching results." in content


@pytest.mark.parametrize("query", [None, "", "   "])
def test_empty_search_shows_the_box_and_no_results_or_error(client, programmes, query):
    response = search(client, query)

    content = response.content.decode()
    assert 'name="q"' in content
    assert result_titles(response) == []
    assert "There are no matching results." not in content
    assert "results" not in BeautifulSoup(content, "html.parser").select_one("main").get_text().lower()


def test_query_is_kept_in_the_search_box(client, programmes):
    soup = BeautifulSoup(search(client, "aspiring heads").content, "html.parser")

    assert soup.select_one("input[name=q]")["value"] == "aspiring heads"


def test_query_in_the_search_box_is_escaped(client, site_tree):
    query = "\"><script>alert(1)</script> & 'heads'"

    content = search(client, query).content.decode()

    assert "<script>alert(1)</script>" not in content
    assert 'value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#x27;heads&#x27;"' in content
    soup = BeautifulSoup(content, "html.parser")
    assert soup.select_one("input[name=q]")["value"] == query


def test_drafts_are_not_found(client, site_tree):
    ProgrammePageFactory(parent=site_tree["programme_index"], title="Unpublished Pathway", live=False)

    assert result_titles(search(client, "pathway")) == []


def test_results_come_ten_to_a_page_and_page_links_keep_the_query(client, site_tree):
    for number in range(12):
        ProgrammePageFactory(
            parent=site_tree["programme_index"],
            title=f"Coaching cohort {number}",
            summary="Coaching for middle leaders.",
        )

    first = search(client, "coaching")
    next_link = BeautifulSoup(first.content, "html.parser").select_one("a[rel=next]")
    assert next_link is not None
    assert parse_qs(urlsplit(next_link["href"]).query) == {"q": ["coaching"], "page": ["2"]}
    second = client.get("/search/" + next_link["href"])

    assert len(result_titles(first)) == 10
    assert len(result_titles(second)) == 2
    assert set(result_titles(first)).isdisjoint(result_titles(second))
    assert "12 results" in first.content.decode()


def test_a_page_number_past_the_end_shows_the_last_page(client, programmes):
    response = search(client, "terrific", page="99")

    assert result_titles(response) == ["Terrific Teams"]


@pytest.mark.parametrize(
    "query",
    ['"', 'heads"', "o'brien", "back\\slash", "coach*", "(heads", "-heads", "title:heads", "AND", "NEAR OR"],
)
def test_punctuation_in_the_query_does_not_break_search(client, programmes, query):
    response = search(client, query)

    assert 'name="q"' in response.content.decode()


def test_a_quote_mark_round_a_word_still_finds_it(client, programmes):
    assert result_titles(search(client, '"terrific"')) == ["Terrific Teams"]


def test_a_theme_added_in_an_edit_is_found_once_published(client, programmes):
    page = ProgrammePage.objects.get(title="Terrific Teams")
    page.tags.add("Coaching")
    page.save_revision().publish()

    assert result_titles(search(client, "coaching")) == ["Terrific Teams"]


def test_a_local_authority_added_in_an_edit_is_found_once_published(client, programmes):
    page = ProgrammePage.objects.get(title="Aspiring Heads")
    page.local_authorities.set([LocalAuthorityFactory(name="Thurrock")])
    page.save_revision().publish()

    assert result_titles(search(client, "thurrock")) == ["Aspiring Heads"]
