"""Create an account, confirm it from the email, sign out and reset the password, in Chromium, with
axe-core on every page (desktop and a 320px phone)."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from portal.testing.browser import assert_no_serious_axe_violations, visit
from programmes.factories import page_tree_factory

pytestmark = pytest.mark.browser

PASSWORD = "paper kite river forty"


@pytest.fixture
def site(transactional_db, django_db_serialized_rollback):
    return page_tree_factory()


def _link_in_last_email(pattern: str) -> str:
    match = re.search(rf"https?://[^/\s]+({pattern}\S*)", mail.outbox[-1].body)
    assert match, mail.outbox[-1].body
    return match.group(1)


def _header_button(page, name: str):
    toggle = page.locator(".govuk-service-navigation__toggle")
    if toggle.is_visible() and toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    return page.locator("header").get_by_role("button", name=name)


@pytest.mark.parametrize("page_fixture", ["browser_page", "phone_page"])
def test_create_confirm_sign_out_and_reset(request, site, page_fixture):
    page = request.getfixturevalue(page_fixture)
    mail.outbox = []

    visit(page, "/account/signup/")
    assert_no_serious_axe_violations(page)
    page.get_by_label("First name").fill("Priya")
    page.get_by_label("Email address").fill("priya@example.org")
    password = page.get_by_label("Create a password")
    password.fill("password1234")
    page.get_by_role("button", name="Show password").click()
    expect(password).to_have_attribute("type", "text")
    page.get_by_role("button", name="Create account").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Enter your last name.")
    expect(summary).to_contain_text("This password is too common")
    expect(page).to_have_title(re.compile("^Error: Create an account"))
    expect(page.get_by_label("Email address")).to_have_value("priya@example.org")
    assert_no_serious_axe_violations(page)

    page.get_by_label("Last name").fill("Sharma")
    page.get_by_label("Create a password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page.locator("h1")).to_have_text("Check your email")
    assert_no_serious_axe_violations(page)

    visit(page, _link_in_last_email("/account/confirm-email/"))
    assert_no_serious_axe_violations(page)
    page.get_by_role("button", name="Confirm email address").click()
    expect(page.locator("h1")).to_have_text("My leadership pathway")
    expect(page.locator("header a", has_text="My leadership pathway")).to_be_attached()

    _header_button(page, "Sign out").click()
    expect(page.locator("header a", has_text="Sign in")).to_be_attached()

    visit(page, "/account/login/")
    page.get_by_role("link", name="I have forgotten my password").click()
    assert_no_serious_axe_violations(page)
    page.get_by_label("Email address").fill("priya@example.org")
    page.get_by_role("button", name="Send me a link").click()
    expect(page.locator("h1")).to_have_text("Check your email")

    visit(page, _link_in_last_email("/account/password/reset/key/"))
    expect(page.locator("h1")).to_have_text("Choose a new password")
    assert_no_serious_axe_violations(page)
    page.get_by_label("New password", exact=True).fill("lantern harbour maple")
    page.get_by_label("Confirm your new password").fill("lantern harbour maple")
    page.get_by_role("button", name="Save new password").click()
    expect(page.locator("h1")).to_have_text("Your password has been changed")

    page.locator("main").get_by_role("link", name="sign in").click()
    page.get_by_label("Email address").fill("priya@example.org")
    page.get_by_label("Password", exact=True).fill("lantern harbour maple")
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.locator("h1")).to_have_text("My leadership pathway")
