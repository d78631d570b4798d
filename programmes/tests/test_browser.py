"""The programme pages in Chromium: they load whole, pass axe-core, and the filters work by clicking."""

import re

import pytest
from playwright.sync_api import expect

from portal.testing.browser import assert_no_serious_axe_violations, visit
from programmes.factories import (
    LocalAuthorityFactory,
    ProgrammePageFactory,
    SchoolFactory,
    career_stage,
    page_tree_factory,
)
from programmes.models import ProgrammePage, ProgrammeSchool

pytestmark = pytest.mark.browser


@pytest.fixture
def programmes_site(transactional_db):
    """Three programmes across two LAs, one featured on the home page.

    Written with ``transactional_db`` so the live server's thread sees it (committed, not in a
    test transaction).
    """
    tree = page_tree_factory()
    index = tree["programme_index"]
    thurrock = LocalAuthorityFactory(name="Thurrock", slug="thurrock")
    essex = LocalAuthorityFactory(name="Essex", slug="essex")
    network = ProgrammePageFactory(
        parent=index,
        title="Middle leaders network",
        local_authorities=[thurrock],
        audiences=[career_stage("middle-leader")],
        tags=["networks"],
        status=ProgrammePage.Status.OPEN,
        impact_score=8,
    )
    for school in (SchoolFactory(local_authority=thurrock), SchoolFactory(local_authority=thurrock)):
        ProgrammeSchool.objects.create(page=network, school=school)
    pathway = ProgrammePageFactory(
        parent=index,
        title="Headship pathway",
        local_authorities=[essex],
        status=ProgrammePage.Status.RUNNING,
        impact_score=6,
    )
    deputies = ProgrammePageFactory(
        parent=index,
        title="Aspiring deputies",
        local_authorities=[thurrock],
        status=ProgrammePage.Status.COMPLETED,
    )
    home = tree["home"]
    home.featured_programmes.create(programme=network)
    home.save_revision().publish()
    return {**tree, "network": network, "pathway": pathway, "deputies": deputies}


def card_titles(page) -> list[str]:
    return page.locator(".portal-card__title").all_inner_texts()


def test_home_page_shows_figures_and_featured_programmes(browser_page, programmes_site):
    visit(browser_page, "/")

    expect(browser_page.locator("h1")).to_have_text("Growing school leaders")
    figures = browser_page.locator(".portal-figures")
    expect(figures.locator("dt", has_text="Programmes").locator("xpath=following-sibling::dd")).to_have_text(
        "3"
    )
    expect(
        figures.locator("dt", has_text="Local authorities taking part").locator("xpath=following-sibling::dd")
    ).to_have_text("2")
    expect(
        figures.locator("dt", has_text="Schools involved").locator("xpath=following-sibling::dd")
    ).to_have_text("2")
    expect(figures).to_contain_text("7.0")
    featured = browser_page.locator("section[aria-labelledby=featured-heading]")
    expect(featured.get_by_role("link", name="Middle leaders network")).to_be_visible()
    assert_no_serious_axe_violations(browser_page)


def test_programme_index_lists_programmes(browser_page, programmes_site):
    visit(browser_page, programmes_site["programme_index"].url)

    expect(browser_page.locator("h1")).to_have_text("Programmes")
    expect(browser_page.locator("#results-heading")).to_have_text("3 programmes")
    assert card_titles(browser_page) == ["Aspiring deputies", "Headship pathway", "Middle leaders network"]
    assert_no_serious_axe_violations(browser_page)


def test_programme_page_shows_its_details(browser_page, programmes_site):
    visit(browser_page, programmes_site["network"].url)

    expect(browser_page.locator("h1")).to_have_text("Middle leaders network")
    expect(browser_page.locator(".govuk-summary-list")).to_contain_text("Thurrock")
    expect(browser_page.locator(".govuk-summary-list")).to_contain_text("8 out of 10")
    expect(browser_page.get_by_role("link", name="networks")).to_be_visible()
    assert_no_serious_axe_violations(browser_page)


def test_filters_by_clicking_and_removing_one(browser_page, programmes_site):
    page = browser_page
    visit(page, programmes_site["programme_index"].url)

    page.get_by_role("group", name="Local authority").get_by_label("Thurrock").check()
    page.get_by_role("group", name="Status").get_by_label("Open for interest").check()
    page.get_by_role("button", name="Apply filters").click()

    expect(page).to_have_url(re.compile(r"local_authority=thurrock"))
    expect(page).to_have_url(re.compile(r"status=open"))
    expect(page.locator("#results-heading")).to_have_text("1 programme")
    assert card_titles(page) == ["Middle leaders network"]
    expect(page.get_by_role("group", name="Local authority").get_by_label("Thurrock")).to_be_checked()
    assert_no_serious_axe_violations(page)

    page.locator(".portal-active-filters__remove", has_text="Open for interest").click()

    expect(page).not_to_have_url(re.compile(r"status="))
    expect(page).to_have_url(re.compile(r"local_authority=thurrock"))
    expect(page.locator("#results-heading")).to_have_text("2 programmes")
    assert card_titles(page) == ["Aspiring deputies", "Middle leaders network"]


def test_filters_that_match_nothing_show_the_empty_state(browser_page, programmes_site):
    page = browser_page
    visit(page, programmes_site["programme_index"].url)

    page.get_by_role("group", name="Local authority").get_by_label("Essex").check()
    page.get_by_role("group", name="Status").get_by_label("Completed").check()
    page.get_by_role("button", name="Apply filters").click()

    expect(page).to_have_url(re.compile(r"local_authority=essex.*status=completed"))
    expect(page.locator("#results-heading")).to_have_text("0 programmes")
    expect(page.locator(".portal-empty")).to_contain_text("No programmes match your filters.")
    assert card_titles(page) == []
    page.get_by_role("link", name="see all programmes").click()
    expect(page.locator("#results-heading")).to_have_text("3 programmes")
    assert_no_serious_axe_violations(page)
