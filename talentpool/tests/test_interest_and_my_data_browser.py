"""Register your interest, Download my data and Delete my account in Chromium, with axe-core checks."""

import json
import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from home.factories import TEST_PASSWORD
from portal.testing.browser import assert_no_serious_axe_violations, visit
from programmes.factories import ProgrammePageFactory, page_tree_factory
from talentpool.factories import AspirantProfileFactory
from talentpool.models import ErasureRecord, ProgrammeInterest

pytestmark = pytest.mark.browser


@pytest.fixture
def journey(transactional_db, django_db_serialized_rollback):
    """A live open programme and a verified aspirant, committed so the live server sees them."""
    tree = page_tree_factory()
    programme = ProgrammePageFactory(parent=tree["programme_index"], title="Middle leaders network")
    profile = AspirantProfileFactory(user__username="nadia", user__email="nadia@example.org")
    EmailAddress.objects.create(user=profile.user, email="nadia@example.org", verified=True, primary=True)
    return {"programme": programme, "user": profile.user}


@pytest.mark.parametrize("page_fixture", ["browser_page", "phone_page"])
def test_register_download_and_delete(request, journey, page_fixture):
    page = request.getfixturevalue(page_fixture)
    programme_url = journey["programme"].url

    visit(page, programme_url)
    take_part = page.locator("#take-part")
    assert_no_serious_axe_violations(page)
    take_part.get_by_role("link", name="Sign in if you already have an account").click()
    page.locator("[name=login]").fill("nadia@example.org")
    page.locator("[name=password]").fill(TEST_PASSWORD)
    page.locator("[name=password]").press("Enter")

    expect(page).to_have_url(re.compile(re.escape(programme_url) + "$"))
    assert_no_serious_axe_violations(page)
    take_part.get_by_role("button", name="Register your interest").click()

    expect(take_part.locator(".govuk-notification-banner--success")).to_contain_text(
        "You have registered your interest in Middle leaders network."
    )
    assert ProgrammeInterest.objects.filter(profile__user=journey["user"]).count() == 1
    assert_no_serious_axe_violations(page)

    visit(page, "/talent-pool/my-data/")
    assert_no_serious_axe_violations(page)
    # A download aborts its navigation, which the page's health check counts as a failed request:
    # download from a second tab of the same session.
    download_tab = page.context.new_page()
    download_tab.goto(page.url)
    with download_tab.expect_download() as download:
        download_tab.get_by_role("button", name="Download my data").click()
    assert download.value.suggested_filename.startswith("leadership-portal-my-data-")
    with open(download.value.path(), encoding="utf-8") as file:
        data = json.load(file)
    download_tab.close()
    assert [i["programme"] for i in data["programme_interests"]] == ["Middle leaders network"]

    visit(page, "/talent-pool/delete-account/")
    assert_no_serious_axe_violations(page)
    page.get_by_label("Your password").fill("not my password")
    page.get_by_role("button", name="Delete my account").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("The password is not right.")
    assert_no_serious_axe_violations(page)

    page.get_by_label("Your password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Delete my account").click()
    expect(page.locator("h1")).to_have_text("Your account has been deleted")
    assert_no_serious_axe_violations(page)
    assert not get_user_model().objects.filter(username="nadia").exists()
    assert ErasureRecord.objects.count() == 1
