"""The aspirant's whole journey in Chromium, as issue 3 describes it: sign up from a programme,
open the verification link from the email, register interest, complete the profile by keyboard,
add a career step, and see it all on the dashboard. axe-core checks every page on the way."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from portal.testing.browser import assert_no_serious_axe_violations, visit
from programmes.factories import ProgrammePageFactory, SchoolFactory, page_tree_factory
from programmes.models import ProgrammePage
from talentpool.models import AspirantProfile, CareerStep, ProgrammeInterest
from talentpool.tests.test_profile_views import tab_to

pytestmark = pytest.mark.browser

PASSWORD = "harbour lantern maple seven"


@pytest.fixture
def open_programme(transactional_db, django_db_serialized_rollback):
    tree = page_tree_factory()
    SchoolFactory(name="Foxhill Infant School")
    return ProgrammePageFactory(
        parent=tree["programme_index"],
        title="Terrific Teams",
        slug="terrific-teams",
        status=ProgrammePage.Status.OPEN,
    )


def verification_path() -> str:
    match = re.search(r"https?://[^/\s]+(/account/confirm-email/\S+)", mail.outbox[-1].body)
    assert match, mail.outbox[-1].body
    return match.group(1)


def test_sign_up_from_a_programme_to_a_complete_pathway(browser_page, open_programme):
    page = browser_page
    mail.outbox = []

    visit(page, open_programme.url)
    assert_no_serious_axe_violations(page)
    page.get_by_role("button", name="Register your interest").click()

    expect(page.locator("h1")).to_have_text("Create an account")
    assert_no_serious_axe_violations(page)
    page.get_by_label("First name").fill("Grace")
    page.get_by_label("Last name").fill("Okafor")
    page.get_by_label("Email address").fill("grace@example.org")
    page.get_by_label("Create a password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page.locator("h1")).to_have_text("Check your email")
    assert_no_serious_axe_violations(page)

    visit(page, verification_path())
    assert_no_serious_axe_violations(page)
    page.get_by_role("button", name="Confirm email address").click()

    # Back on the programme they came from, signed in: one click registers their interest.
    expect(page).to_have_url(re.compile(re.escape(open_programme.url)))
    page.get_by_role("button", name="Register your interest").click()
    expect(page.locator("#take-part")).to_contain_text("You have registered your interest in Terrific Teams")
    assert_no_serious_axe_violations(page)

    visit(page, "/talent-pool/profile/")
    assert_no_serious_axe_violations(page)
    tab_to(page, "id_school")
    page.keyboard.type("Foxhill")
    tab_to(page, "id_current_role")
    page.keyboard.type("Teacher")
    tab_to(page, "id_years_in_role")
    page.keyboard.type("3")
    tab_to(page, "id_target_role")
    page.keyboard.type("Middle")
    tab_to(page, "id_readiness_0")
    page.keyboard.press("Space")
    tab_to(page, "Save profile")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("My leadership pathway")
    assert_no_serious_axe_violations(page)

    target = timezone.localdate() + datetime.timedelta(days=120)
    visit(page, "/talent-pool/steps/add/")
    assert_no_serious_axe_violations(page)
    page.get_by_label("What is the step?").fill("Lead the phase team's planning")
    page.get_by_label("Day").fill(str(target.day))
    page.get_by_label("Month").fill(str(target.month))
    page.get_by_label("Year").fill(str(target.year))
    page.get_by_label("Year").press("Enter")

    expect(page.locator("h1")).to_have_text("My leadership pathway")
    main = page.locator("main")
    expect(main).to_contain_text("Foxhill Infant School")
    expect(main).to_contain_text("Lead the phase team's planning")
    expect(main).to_contain_text("Terrific Teams")
    assert_no_serious_axe_violations(page)

    profile = AspirantProfile.objects.get(user__email="grace@example.org")
    assert profile.user.groups.filter(name="Aspirant leaders").exists()
    assert CareerStep.objects.filter(profile=profile, target_date=target).count() == 1
    assert ProgrammeInterest.objects.filter(profile=profile, programme=open_programme).count() == 1
