"""A SIP's round in Chromium, as issue 4 describes it: sign in, filter the talent pool, open an
aspirant's record, record a follow-up by keyboard (a mistake first), look at what is due; then the
aspirant signs in and reads the note. axe-core checks every page, on a desktop and a 320px phone,
and no page is wider than the screen."""

import datetime
import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from home.factories import UserFactory
from portal.testing.browser import assert_no_serious_axe_violations, visit
from programmes.factories import LocalAuthorityFactory, SchoolFactory, career_stage, page_tree_factory
from talentpool.factories import AspirantProfileFactory, CareerStepFactory, SIPAssignmentFactory, staff_user
from talentpool.models import AspirantProfile, FollowUp, Readiness
from talentpool.roles import ASPIRANT_LEADERS, SCHOOL_IMPROVEMENT_PARTNERS
from talentpool.tests.test_profile_views import tab_to

pytestmark = pytest.mark.browser

PASSWORD = "orchard velvet comet nine"
DAY = datetime.timedelta(days=1)


def _can_sign_in(user) -> None:
    user.set_password(PASSWORD)
    user.save()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)


@pytest.fixture
def round_of_visits(transactional_db, django_db_serialized_rollback):
    """Sam Jones, SIP for three Bedford schools, and their aspirants; Asha Patel at Oakfield has a
    step that is running late."""
    page_tree_factory()
    bedford = LocalAuthorityFactory(name="Bedford")
    oakfield = SchoolFactory(name="Oakfield Primary", local_authority=bedford)
    sip = staff_user(
        group=SCHOOL_IMPROVEMENT_PARTNERS,
        local_authority=bedford,
        username="sam",
        email="sam.jones@example.org",
        first_name="Sam",
        last_name="Jones",
    )
    _can_sign_in(sip)
    schools = [oakfield] + [
        SchoolFactory(name=name, local_authority=bedford) for name in ("Riverside Academy", "Elm Park")
    ]
    for school in schools:
        SIPAssignmentFactory(sip=sip, school=school)
    asha_user = UserFactory(username="asha", email="asha@example.org", first_name="Asha", last_name="Patel")
    asha_user.groups.add(Group.objects.get(name=ASPIRANT_LEADERS))
    _can_sign_in(asha_user)
    asha = AspirantProfileFactory(
        user=asha_user,
        school=oakfield,
        current_role=career_stage("teacher"),
        target_role=career_stage("middle-leader"),
        readiness=Readiness.ONE_TO_TWO_YEARS,
    )
    CareerStepFactory(
        profile=asha, title="Lead the reading project", target_date=timezone.localdate() - 5 * DAY
    )
    others = [("Ben", "Okoro", 0), ("Chloe", "Smith", 0), ("Dev", "Sharma", 1), ("Ella", "Jones", 2)]
    for first, last, school in others:
        AspirantProfileFactory(
            school=schools[school],
            user__first_name=first,
            user__last_name=last,
            readiness=Readiness.READY_NOW,
        )
    return {"sip": sip, "asha": asha}


def _check(page) -> None:
    """axe-core finds nothing serious, and the page is no wider than the screen (WCAG reflow)."""
    assert_no_serious_axe_violations(page)
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url} is {width}px wide"


def _sign_in(page, email: str) -> None:
    visit(page, "/account/login/")
    assert_no_serious_axe_violations(page)
    page.get_by_label("Email address").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def _sign_out(page) -> None:
    toggle = page.locator(".govuk-service-navigation__toggle")
    if toggle.is_visible() and toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    page.locator("header").get_by_role("button", name="Sign out").click()
    expect(page.locator("header a", has_text="Sign in")).to_be_attached()


@pytest.mark.parametrize("page_fixture", ["browser_page", "phone_page"])
def test_a_sip_records_a_follow_up_and_the_aspirant_reads_it(request, page_fixture, round_of_visits):
    page = request.getfixturevalue(page_fixture)
    asha = round_of_visits["asha"]
    next_visit = timezone.localdate() + 42 * DAY

    # Signing in lands the SIP on the talent pool, linked from the header.
    _sign_in(page, "sam.jones@example.org")
    expect(page.locator("h1")).to_have_text("Talent pool")
    expect(page.locator("#results-heading")).to_have_text("5 aspirants")
    expect(page.locator("header a", has_text="Talent pool")).to_have_attribute("aria-current", "page")
    # The table scrolls sideways in its own named region, which a keyboard can reach.
    region = page.get_by_role("region", name=re.compile("^Aspirants 1 to 5 of 5"))
    expect(region).to_have_attribute("tabindex", "0")
    _check(page)

    # Filter by school and readiness (on a phone the filters start folded away).
    filters = page.locator("details[data-portal-filters]")
    if filters.get_attribute("open") is None:
        page.get_by_text("Filter", exact=True).click()
    page.get_by_label("Oakfield Primary").check()
    page.get_by_label("In 1 to 2 years").check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("#results-heading")).to_have_text("1 aspirant")
    expect(page.locator(".portal-active-filters")).to_contain_text("School: Oakfield Primary")
    expect(page).to_have_title(re.compile("^Filtered: Talent pool"))
    _check(page)

    # Search within the filtered list, then open the record.
    page.get_by_label("Search by name or email address").fill("patel")
    page.get_by_label("Search by name or email address").press("Enter")
    expect(page.locator("#results-heading")).to_have_text("1 aspirant")
    page.get_by_role("link", name="Asha Patel").click()
    expect(page.locator("h1")).to_have_text("Asha Patel")
    expect(page.locator("#career-steps ~ table").first).to_contain_text("Overdue")
    _check(page)

    # Record a follow-up by keyboard: forget the notes first.
    page.get_by_role("button", name="Record a follow-up").first.click()
    expect(page.locator("h1")).to_have_text("Record a follow-up")
    _check(page)
    expect(page.locator("#id_visit_date_0")).to_have_value(str(timezone.localdate().day))
    page.locator("#id_visit_date_0").focus()
    tab_to(page, "id_career_steps_0")
    page.keyboard.press("Space")
    tab_to(page, "Save follow-up")
    page.keyboard.press("Enter")

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Enter your notes from the visit.")
    expect(page).to_have_title(re.compile("^Error: Record a follow-up"))
    expect(page.locator("#id_career_steps_0")).to_be_checked()
    _check(page)

    summary.get_by_role("link", name="Enter your notes from the visit.").click()
    expect(page.locator("#id_notes")).to_be_focused()
    page.keyboard.type("Reading project is a month behind; agreed a new plan.")
    expect(page.locator(".govuk-character-count__status").first).to_contain_text("characters remaining")
    tab_to(page, "id_agreed_actions")
    page.keyboard.type("Meet the English lead before half term.")
    tab_to(page, "id_next_follow_up_due_0")
    page.keyboard.type(str(next_visit.day))
    page.keyboard.press("Tab")
    page.keyboard.type(str(next_visit.month))
    page.keyboard.press("Tab")
    page.keyboard.type(str(next_visit.year))
    tab_to(page, "Save follow-up")
    page.keyboard.press("Enter")

    banner = page.locator(".govuk-notification-banner--success")
    expect(banner).to_contain_text(
        "Follow-up recorded. Asha Patel has been emailed that there is a new note."
    )
    expect(page.locator("#follow-ups ~ .govuk-summary-card").first).to_contain_text(
        "Reading project is a month behind"
    )
    _check(page)

    follow_up = FollowUp.objects.get()
    assert follow_up.author == round_of_visits["sip"]
    assert follow_up.next_follow_up_due == next_visit
    assert [step.title for step in follow_up.career_steps.all()] == ["Lead the reading project"]
    assert AspirantProfile.objects.get(pk=asha.pk).next_follow_up_due == next_visit

    # Back to the filtered list, and on to what is due.
    page.get_by_role("link", name="Back to the talent pool").first.click()
    expect(page.locator(".portal-active-filters")).to_contain_text("School: Oakfield Primary")
    page.get_by_role("link", name="See follow-ups that are due").click()
    expect(page.locator("h1")).to_have_text("Follow-ups due")
    expect(page.locator("main")).to_contain_text("Career step: Lead the reading project")
    _check(page)
    _sign_out(page)

    # The aspirant signs in and reads the note on their pathway.
    _sign_in(page, "asha@example.org")
    expect(page.locator("h1")).to_have_text("My leadership pathway")
    notes = page.locator("#follow-ups ~ .govuk-summary-card").first
    expect(notes).to_contain_text("Visit on")
    expect(notes).to_contain_text("Sam Jones")
    expect(notes).to_contain_text("Reading project is a month behind; agreed a new plan.")
    expect(notes).to_contain_text("Meet the English lead before half term.")
    _check(page)
