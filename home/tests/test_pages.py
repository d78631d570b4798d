"""The home app's own pages and navigation, built with home factories only (no programmes)."""

import pytest

from home.factories import StandardPageFactory, home_page_as_site_root

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    """A home page serving the default site, with an About page (and a page under it) in the menu."""
    home = home_page_as_site_root()
    about = StandardPageFactory(
        parent=home,
        title="About the programme",
        show_in_menus=True,
        body=[("paragraph", "<p>How aspiring leaders grow through coaching and networks.</p>")],
    )
    team = StandardPageFactory(parent=about, title="Our team")
    return {"home": home, "about": about, "team": team}


def navigation(response) -> dict[str, dict]:
    return {item["title"]: item for item in response.context["navigation_items"]}


def test_standard_page_renders_its_title_and_body(client, site):
    response = client.get(site["about"].url)

    assert response.status_code == 200
    content = response.content.decode()
    assert "About the programme" in content
    assert "coaching and networks" in content


def test_navigation_marks_the_current_page(client, site):
    response = client.get(site["about"].url)

    items = navigation(response)
    assert list(items) == ["About the programme", "Search"]
    assert items["About the programme"]["is_current"]
    assert not items["About the programme"]["in_section"]
    assert not items["Search"]["is_current"]
    assert not items["Search"]["in_section"]


def test_navigation_marks_the_section_of_a_page_below_a_menu_page(client, site):
    response = client.get(site["team"].url)

    about = navigation(response)["About the programme"]
    assert not about["is_current"]
    assert about["in_section"]


def test_navigation_marks_search_as_current_on_the_search_page(client, site):
    response = client.get("/search/")

    search = navigation(response)["Search"]
    assert search["is_current"]
    assert not navigation(response)["About the programme"]["is_current"]


def test_search_with_an_empty_query_shows_the_form_and_no_results(client, site):
    response = client.get("/search/", {"q": "   "})

    assert response.status_code == 200
    assert response.context["query"] == ""
    assert not response.context["results"]
    assert 'name="q"' in response.content.decode()
