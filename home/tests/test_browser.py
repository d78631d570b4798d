"""The home app's pages in Chromium: standard pages, search, the 404 page and the phone menu."""

import pytest
from playwright.sync_api import expect

from home.factories import StandardPageFactory, home_page_as_site_root
from portal.testing.browser import assert_no_serious_axe_violations, visit

pytestmark = pytest.mark.browser


@pytest.fixture
def site(transactional_db):
    """A home page serving the default site, with an About page in the menu.

    Written with ``transactional_db`` so the live server's thread sees it (committed, not in a
    test transaction).
    """
    home = home_page_as_site_root()
    about = StandardPageFactory(
        parent=home,
        title="About the programme",
        show_in_menus=True,
        body=[("paragraph", "<p>How aspiring leaders grow through coaching and networks.</p>")],
    )
    accessibility = StandardPageFactory(parent=home, title="Accessibility statement", show_in_menus=True)
    return {"home": home, "about": about, "accessibility": accessibility}


def horizontal_overflow(page) -> int:
    """How many CSS pixels the page is wider than the window (WCAG 1.4.10 reflow wants none)."""
    return page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")


def test_standard_page_loads(browser_page, site):
    visit(browser_page, site["about"].url)

    expect(browser_page.locator("h1")).to_have_text("About the programme")
    expect(browser_page.locator("main")).to_contain_text("coaching and networks")
    assert_no_serious_axe_violations(browser_page)


def test_search_from_the_search_page(browser_page, site):
    page = browser_page
    visit(page, "/search/")
    expect(page.locator("h1")).to_have_text("Search")

    page.get_by_label("Search programmes and pages").fill("coaching")
    page.locator("main").get_by_role("button", name="Search").click()

    expect(page).to_have_url("/search/?q=coaching")
    expect(page.locator("h1")).to_have_text("Search")
    expect(page.locator("main").get_by_role("heading", level=2)).to_have_text("1 result")
    expect(page.locator("main").get_by_role("link", name="About the programme")).to_be_visible()
    assert_no_serious_axe_violations(page)


def test_search_with_no_results(browser_page, site):
    visit(browser_page, "/search/?q=zebra")

    expect(browser_page.locator("main")).to_contain_text("There are no matching results.")
    assert_no_serious_axe_violations(browser_page)


def test_missing_page_answers_404(browser_page, site):
    visit(browser_page, "/no-such-page/", status=404)

    expect(browser_page.locator("h1")).to_have_text("Page not found")
    expect(browser_page.get_by_role("link", name="search the site")).to_be_visible()
    assert_no_serious_axe_violations(browser_page)


def test_phone_menu_button_opens_the_navigation(phone_page, site):
    page = phone_page
    visit(page, "/")

    toggle = page.locator(".govuk-service-navigation__toggle")
    navigation = page.locator("#navigation")
    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(navigation).to_be_hidden()

    toggle.click()

    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(navigation).to_be_visible()
    expect(navigation.get_by_role("link", name="About the programme")).to_be_visible()
    assert horizontal_overflow(page) <= 0, "The home page scrolls sideways at 320px wide."
    assert_no_serious_axe_violations(page)
