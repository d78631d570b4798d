"""Accounts (django-allauth): sign up, email confirmation, sign in and out, passwords, email
addresses and the limit on failed sign-ins, all on the site's own GOV.UK pages."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from home.factories import StandardPageFactory, UserFactory
from home.models import SiteSettings
from talentpool.roles import ASPIRANT_LEADERS

PASSWORD = "correct horse battery staple"
SIGNUP = {
    "first_name": "Priya",
    "last_name": "Sharma",
    "email": "priya.sharma@example.org",
    "password1": PASSWORD,
}


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """allauth counts attempts in the cache; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def aspirant(db):
    """An aspirant leader with a confirmed email address and a known password."""
    user = UserFactory(username="asha", email="asha@example.org", first_name="Asha")
    user.set_password(PASSWORD)
    user.save()
    user.groups.add(Group.objects.get(name=ASPIRANT_LEADERS))
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def _link(message, pattern: str) -> str:
    match = re.search(rf"https?://[^/\s]+({pattern}\S*)", message.body)
    assert match, message.body
    return match.group(1)


def _error_summary(html: str) -> str:
    match = re.search(r'<div class="govuk-error-summary".*?</ul>', html, re.S)
    assert match, "no error summary on the page"
    return match.group(0)


def _field_error(html: str, field_id: str) -> str:
    match = re.search(rf'<p id="{field_id}-error" class="govuk-error-message">(.*?)</p>', html, re.S)
    assert match, f"no error message for {field_id}"
    return match.group(1)


def _assert_site_page(html: str):
    assert html.count("<h1") == 1
    assert 'class="govuk-template__header"' in html
    assert 'class="govuk-footer' in html


# Sign up and confirm -------------------------------------------------------------------------


def test_sign_up_sends_a_confirmation_link_and_following_it_opens_the_pathway(client, site_tree):
    response = client.post(reverse("account_signup"), SIGNUP)
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")

    user = get_user_model().objects.get(email=SIGNUP["email"])
    assert (user.first_name, user.last_name) == ("Priya", "Sharma")
    assert list(user.groups.values_list("name", flat=True)) == [ASPIRANT_LEADERS]

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [SIGNUP["email"]]
    assert "Confirm your email address" in message.subject
    confirm_url = _link(message, "/account/confirm-email/")

    # Not confirmed yet: the pathway is closed, and signing in sends them back to confirm.
    dashboard = client.get(reverse("talentpool:dashboard"))
    assert dashboard.status_code == 302
    assert dashboard.url.startswith(reverse("account_login"))
    login = client.post(reverse("account_login"), {"login": SIGNUP["email"], "password": PASSWORD})
    assert login.status_code == 302
    assert login.url == reverse("account_email_verification_sent")
    assert client.get(reverse("talentpool:dashboard")).status_code == 302

    # The link shows a confirm page (a GET changes nothing); the button confirms and signs in.
    page = client.get(confirm_url)
    assert page.status_code == 200
    assert "Confirm email address</button>" in page.content.decode()
    assert not EmailAddress.objects.get(email=SIGNUP["email"]).verified
    confirmed = client.post(confirm_url)
    assert confirmed.status_code == 302
    assert confirmed.url == reverse("talentpool:dashboard")
    assert EmailAddress.objects.get(email=SIGNUP["email"]).verified
    assert client.get(reverse("talentpool:dashboard")).status_code == 200


def test_a_wrong_confirmation_link_says_what_to_do(client, db):
    response = client.get(reverse("account_confirm_email", args=["not-a-real-key"]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "This link does not work" in html
    assert reverse("account_login") in html
    _assert_site_page(html)


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("short words", "must be at least 12 characters"),
        ("password1234", "too common"),
        ("fotheringhamsmythe", "too like your name or email address"),
        ("priya.sharma@example", "too like your name or email address"),
    ],
    ids=["too-short", "common", "like-name", "like-email"],
)
def test_weak_passwords_are_refused_with_the_reason_and_what_was_typed_is_kept(client, db, password, reason):
    typed = {**SIGNUP, "last_name": "Fotheringham-Smythe", "password1": password}
    response = client.post(reverse("account_signup"), typed)
    html = response.content.decode()
    assert response.status_code == 200
    assert reason in _field_error(html, "id_password1")
    assert reason in _error_summary(html)
    assert 'href="#id_password1"' in _error_summary(html)
    assert "<title>Error: Create an account" in html
    for name in ("first_name", "last_name", "email"):
        assert f'name="{name}" type="{"email" if name == "email" else "text"}" value="{typed[name]}"' in html
    assert 'name="password1" type="password" spellcheck="false"' in html
    assert f'value="{password}"' not in html
    assert not get_user_model().objects.filter(email=SIGNUP["email"]).exists()
    assert mail.outbox == []


def test_a_long_password_is_accepted(client, db):
    long_password = "lantern " * 20
    response = client.post(reverse("account_signup"), {**SIGNUP, "password1": long_password})
    assert response.status_code == 302
    assert get_user_model().objects.get(email=SIGNUP["email"]).check_password(long_password)


def test_missing_names_are_asked_for(client, db):
    response = client.post(reverse("account_signup"), {**SIGNUP, "first_name": "", "last_name": ""})
    html = response.content.decode()
    assert "Enter your first name." in _field_error(html, "id_first_name")
    assert "Enter your last name." in _error_summary(html)


def test_sign_up_page_says_what_is_kept_why_who_sees_it_and_for_how_long(client, site_tree):
    home = site_tree["home"]
    privacy = StandardPageFactory(parent=home, title="Privacy notice")
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.privacy_page = privacy
    site_settings.save()

    html = client.get(reverse("account_signup")).content.decode()
    assert "your profile, your career steps, your leadership qualities self-assessment" in html
    assert "the programmes you are interested in" in html
    assert "to plan and support your next steps into leadership" in html
    assert "School Improvement Partner and the LA's officers" in html
    assert "while you use your account" in html
    assert "download them or delete your account at any time" in html
    assert f'href="{privacy.url}">privacy notice</a>' in html


# Sign in and out ----------------------------------------------------------------------------


def test_sign_in_and_out(client, aspirant, site_tree):
    response = client.post(reverse("account_login"), {"login": "Asha@Example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("talentpool:dashboard")
    dashboard = client.get(reverse("talentpool:dashboard")).content.decode()
    assert "Sign out</button>" in dashboard
    assert f'action="{reverse("account_logout")}"' in dashboard

    confirm = client.get(reverse("account_logout"))
    assert confirm.status_code == 200
    assert "Are you sure you want to sign out?" in confirm.content.decode()
    assert client.get(reverse("talentpool:dashboard")).status_code == 200  # a GET signs no one out

    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert client.get(reverse("talentpool:dashboard")).status_code == 302


@pytest.mark.parametrize(
    ("role", "staff", "expected"),
    [("sip", False, reverse("talentpool:review_list")), ("officer", True, "/admin/")],
)
def test_people_who_are_not_aspirants_are_not_sent_to_the_pathway(client, talent_pool, role, staff, expected):
    user = talent_pool.sip_of_school if role == "sip" else talent_pool.officer
    user.set_password(PASSWORD)
    user.is_staff = staff
    user.save()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == expected


def test_empty_sign_in_says_what_to_enter(client, db):
    html = client.post(reverse("account_login"), {"login": "", "password": ""}).content.decode()
    assert "Enter your email address." in _field_error(html, "id_login")
    assert "Enter your password." in _field_error(html, "id_password")
    html = client.post(reverse("account_login"), {"login": "asha", "password": "x"}).content.decode()
    assert "Enter an email address in the correct format" in _field_error(html, "id_login")


def test_wrong_password_is_refused_and_the_email_kept(client, aspirant):
    response = client.post(reverse("account_login"), {"login": aspirant.email, "password": "nope nope nope"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "The email address or password is not right" in _error_summary(html)
    assert f'value="{aspirant.email}"' in html
    assert "<title>Error: Sign in" in html


def test_sixth_sign_in_after_five_wrong_passwords_is_refused_even_with_the_right_one(client, aspirant):
    for _ in range(5):
        response = client.post(
            reverse("account_login"), {"login": aspirant.email, "password": "wrong password!"}
        )
        assert "The email address or password is not right" in response.content.decode()

    response = client.post(reverse("account_login"), {"login": aspirant.email, "password": PASSWORD})
    html = response.content.decode()
    assert response.status_code == 200
    summary = _error_summary(html)
    assert "Wait 5 minutes and try again, or reset your password." in summary
    assert reverse("account_reset_password") in html
    assert client.get(reverse("talentpool:dashboard")).status_code == 302


def test_header_offers_sign_in_or_the_pathway_and_sign_out(client, aspirant, site_tree):
    signed_out = client.get("/").content.decode()
    assert f'href="{reverse("account_login")}"' in signed_out
    assert "Sign out" not in signed_out

    client.force_login(aspirant)
    signed_in = client.get("/").content.decode()
    assert f'href="{reverse("talentpool:dashboard")}"' in signed_in
    assert "My leadership pathway" in signed_in
    assert re.search(
        r'<form method="post" action="/account/logout/"[^>]*>\s*'
        r'<input type="hidden" name="csrfmiddlewaretoken"',
        signed_in,
    )
    assert f'href="{reverse("account_login")}"' not in signed_in


def test_staff_who_are_not_aspirants_are_not_offered_the_pathway(client, la_officer, site_tree):
    client.force_login(la_officer)
    html = client.get("/").content.decode()
    assert "My leadership pathway" not in html
    assert "Sign out</button>" in html


# Passwords ----------------------------------------------------------------------------------


def test_forgotten_password_email_sets_a_new_password(client, aspirant):
    response = client.post(reverse("account_reset_password"), {"email": aspirant.email})
    assert response.status_code == 302
    assert response.url == reverse("account_reset_password_done")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject.endswith("Reset your password")
    reset_url = _link(mail.outbox[0], "/account/password/reset/key/")

    form_page = client.get(reset_url, follow=True)
    assert form_page.status_code == 200
    assert "Choose a new password" in form_page.content.decode()
    action_url = form_page.redirect_chain[-1][0] if form_page.redirect_chain else reset_url

    weak = client.post(action_url, {"password1": "password1234", "password2": "password1234"})
    assert "too common" in _field_error(weak.content.decode(), "id_password1")

    new_password = "paper kite river 42"
    done = client.post(action_url, {"password1": new_password, "password2": new_password})
    assert done.status_code == 302
    assert done.url == reverse("account_reset_password_from_key_done")
    aspirant.refresh_from_db()
    assert aspirant.check_password(new_password)


def test_a_used_or_wrong_reset_link_says_what_to_do(client, aspirant):
    response = client.get(
        reverse("account_reset_password_from_key", kwargs={"uidb36": "zz", "key": "bad-key"}), follow=True
    )
    html = response.content.decode()
    assert "This link does not work" in html
    assert "Ask for a new link" in html


def test_change_password(client, aspirant):
    client.force_login(aspirant)
    url = reverse("account_change_password")
    wrong = client.post(url, {"oldpassword": "not it at all", "password1": "x", "password2": "y"})
    html = wrong.content.decode()
    assert "Your current password is not right" in _field_error(html, "id_oldpassword")
    assert "must be at least 12 characters" in _field_error(html, "id_password1")
    mismatch = client.post(
        url, {"oldpassword": PASSWORD, "password1": "paper kite river 42", "password2": "paper kite"}
    )
    assert "The passwords do not match" in _field_error(mismatch.content.decode(), "id_password2")

    new_password = "paper kite river 42"
    response = client.post(
        url, {"oldpassword": PASSWORD, "password1": new_password, "password2": new_password}
    )
    assert response.status_code == 302
    aspirant.refresh_from_db()
    assert aspirant.check_password(new_password)
    assert "Your password has been changed." in client.get(url).content.decode()


# Email addresses ----------------------------------------------------------------------------


def test_add_an_email_address_sends_a_confirmation_link(client, aspirant):
    client.force_login(aspirant)
    response = client.post(reverse("account_email"), {"action_add": "", "email": "asha.new@example.org"})
    assert response.status_code == 302
    assert mail.outbox[0].to == ["asha.new@example.org"]
    _link(mail.outbox[0], "/account/confirm-email/")
    html = client.get(reverse("account_email")).content.decode()
    assert "asha.new@example.org" in html and "Not confirmed" in html

    invalid = client.post(reverse("account_email"), {"action_add": "", "email": "not an email"})
    assert invalid.status_code == 200
    assert 'value="not an email"' in invalid.content.decode()
    _error_summary(invalid.content.decode())


def test_the_main_email_address_cannot_be_removed(client, aspirant):
    client.force_login(aspirant)
    response = client.post(
        reverse("account_email"), {"action_remove": "", "email": aspirant.email}, follow=True
    )
    assert "because it is your main address" in response.content.decode()
    assert EmailAddress.objects.filter(email=aspirant.email).exists()


# Every account page ---------------------------------------------------------------------------

SIGNED_OUT_PAGES = [
    "account_login",
    "account_signup",
    "account_reset_password",
    "account_reset_password_done",
    "account_reset_password_from_key_done",
    "account_email_verification_sent",
]
SIGNED_IN_PAGES = ["account_logout", "account_change_password", "account_email"]


@pytest.mark.parametrize("url_name", SIGNED_OUT_PAGES)
def test_every_signed_out_page_is_a_site_page(client, site_tree, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    _assert_site_page(response.content.decode())


@pytest.mark.parametrize("url_name", SIGNED_IN_PAGES)
def test_every_signed_in_page_is_a_site_page(client, site_tree, aspirant, url_name):
    client.force_login(aspirant)
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    _assert_site_page(response.content.decode())


def test_account_inactive_page_is_a_site_page(client, site_tree):
    response = client.get(reverse("account_inactive"))
    assert response.status_code == 200
    _assert_site_page(response.content.decode())


def test_too_many_requests_page_is_a_site_page(rf, site_tree):
    from allauth.core.internal.ratelimit import handler429
    from django.contrib.auth.models import AnonymousUser

    request = rf.get("/account/password/reset/")
    request.user = AnonymousUser()
    response = handler429(request)
    assert response.status_code == 429
    html = response.content.decode()
    _assert_site_page(html)
    assert "Wait a few minutes and try again." in html
