"""Register your interest: the button on a programme page, for each role, and the sign-up journey."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from home.factories import TEST_PASSWORD
from programmes.factories import ProgrammePageFactory
from programmes.models import ProgrammePage
from talentpool.models import AspirantProfile, ProgrammeInterest

User = get_user_model()
PASSWORD = "a long and unusual passphrase 42"


@pytest.fixture(autouse=True)
def no_rate_limits_left_over():
    """allauth counts sign-ups and verification emails per address in the cache; start each test afresh."""
    cache.clear()


@pytest.fixture
def programme(site_tree):
    return ProgrammePageFactory(parent=site_tree["programme_index"], title="Middle leaders' network")


def register_url(page):
    return reverse("talentpool:register_interest", args=[page.pk])


# The programme page's "Take part" panel ---------------------------------------------------------


def test_signed_out_visitors_are_offered_sign_up_and_sign_in_that_come_back(client, programme):
    content = client.get(programme.url).content.decode()

    assert f'href="/account/signup/?next={programme.url}"' in content
    assert f'href="/account/login/?next={programme.url}"' in content
    assert register_url(programme) not in content


def test_signed_in_visitors_get_a_one_click_form(client, talent_pool, programme):
    client.force_login(talent_pool.aspirant)
    content = client.get(programme.url).content.decode()

    assert f'<form method="post" action="{register_url(programme)}"' in content
    assert "csrfmiddlewaretoken" in content
    assert "/account/signup/" not in content


def test_a_programme_that_is_not_open_has_no_button(client, talent_pool, site_tree):
    running = ProgrammePageFactory(parent=site_tree["programme_index"], status=ProgrammePage.Status.RUNNING)
    client.force_login(talent_pool.aspirant)

    assert "Register your interest" not in client.get(running.url).content.decode()


# Registering ------------------------------------------------------------------------------------


def test_one_click_registers_once_and_shows_it(client, talent_pool, programme):
    client.force_login(talent_pool.aspirant)

    response = client.post(register_url(programme))

    assert response.status_code == 302
    assert response["Location"] == programme.url + "#take-part"
    interest = ProgrammeInterest.objects.get()
    assert (interest.profile, interest.programme_id) == (talent_pool.profile, programme.pk)
    content = client.get(programme.url).content.decode()
    assert (
        "You have registered your interest in Middle leaders&#x27; network. You can see it on your pathway."
        in content
    )
    assert reverse("talentpool:dashboard") in content


def test_pressing_twice_keeps_one_interest_and_says_so(client, talent_pool, programme):
    client.force_login(talent_pool.aspirant)
    client.post(register_url(programme))
    client.get(programme.url)  # shows the first message

    response = client.post(register_url(programme), follow=True)

    assert ProgrammeInterest.objects.count() == 1
    assert "You have already registered your interest" in response.content.decode()


def test_an_aspirant_without_a_profile_yet_gets_one(client, talent_pool, programme):
    AspirantProfile.objects.filter(pk=talent_pool.profile.pk).delete()
    client.force_login(talent_pool.aspirant)

    client.post(register_url(programme))

    assert ProgrammeInterest.objects.get().profile.user == talent_pool.aspirant


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (ProgrammePage.Status.RUNNING, "This programme is no longer open for interest."),
        (ProgrammePage.Status.COMPLETED, "This programme is no longer open for interest."),
    ],
)
def test_a_programme_closed_since_the_page_loaded_says_why(client, talent_pool, programme, status, message):
    client.force_login(talent_pool.aspirant)
    ProgrammePage.objects.filter(pk=programme.pk).update(status=status)

    response = client.post(register_url(programme))

    assert response.status_code == 409
    content = response.content.decode()
    assert message in content
    assert f'href="{programme.url}"' in content
    assert not ProgrammeInterest.objects.exists()


def test_a_draft_programme_says_it_is_not_published(client, talent_pool, site_tree):
    draft = ProgrammePageFactory(parent=site_tree["programme_index"], title="Secret draft", live=False)
    client.force_login(talent_pool.aspirant)

    response = client.post(register_url(draft))

    assert response.status_code == 409
    content = response.content.decode()
    assert "This programme is not published" in content
    assert "Secret draft" not in content
    assert not ProgrammeInterest.objects.exists()


def test_an_unknown_programme_is_not_found(client, talent_pool, site_tree):
    client.force_login(talent_pool.aspirant)

    assert client.post(reverse("talentpool:register_interest", args=[987654])).status_code == 404
    assert client.post(register_url(site_tree["programme_index"])).status_code == 404


def test_get_changes_nothing_and_goes_back_to_the_programme(client, talent_pool, programme):
    client.force_login(talent_pool.aspirant)

    response = client.get(register_url(programme))

    assert response.status_code == 302
    assert response["Location"] == programme.url
    assert not ProgrammeInterest.objects.exists()


def test_the_button_needs_a_csrf_token(talent_pool, programme):
    client = Client(enforce_csrf_checks=True)
    client.force_login(talent_pool.aspirant)

    assert client.post(register_url(programme)).status_code == 403
    assert not ProgrammeInterest.objects.exists()


# Each role --------------------------------------------------------------------------------------


def test_signed_out_post_is_sent_to_sign_in_and_registers_nothing(client, programme):
    response = client.post(register_url(programme))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login") + "?next=")
    assert not ProgrammeInterest.objects.exists()


@pytest.mark.parametrize("role", ["aspirant", "another_aspirant"])
def test_aspirants_register_their_own_interest(client, talent_pool, programme, role):
    user = getattr(talent_pool, role)
    client.force_login(user)

    assert client.post(register_url(programme)).status_code == 302
    assert ProgrammeInterest.objects.get().profile.user == user


@pytest.mark.parametrize("role", ["sip_of_school", "sip_of_other_school", "officer", "officer_of_other_la"])
def test_staff_are_refused(client, talent_pool, programme, role):
    client.force_login(getattr(talent_pool, role))

    response = client.post(register_url(programme))

    assert response.status_code == 403
    assert not ProgrammeInterest.objects.exists()
    assert not AspirantProfile.objects.filter(user=getattr(talent_pool, role)).exists()


# Signing up from the programme page -------------------------------------------------------------


def test_sign_up_from_a_programme_comes_back_to_it_after_verifying(client, programme):
    """Sign up with ?next=, open the link in the verification email, land signed in on the programme."""
    signup = reverse("account_signup") + f"?next={programme.url}"
    assert client.get(signup).status_code == 200

    response = client.post(
        signup,
        {
            "email": "nadia@example.org",
            "first_name": "Nadia",
            "last_name": "Okafor",
            "password1": PASSWORD,
            "next": programme.url,
        },
    )

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_email_verification_sent"))
    user = User.objects.get(email="nadia@example.org")
    assert not EmailAddress.objects.get(user=user).verified
    (message,) = mail.outbox
    link = re.search(r"https?://[^/\s]+(/account/confirm-email/\S+/)", message.body).group(1)

    response = client.post(link)

    assert response.status_code == 302
    assert response["Location"] == programme.url
    assert EmailAddress.objects.get(user=user).verified
    content = client.get(programme.url).content.decode()
    assert f'<form method="post" action="{register_url(programme)}"' in content

    client.post(register_url(programme))

    assert ProgrammeInterest.objects.get().profile.user == user


def test_sign_in_from_a_programme_comes_back_to_it(client, talent_pool, programme):
    EmailAddress.objects.create(
        user=talent_pool.aspirant, email=talent_pool.aspirant.email, verified=True, primary=True
    )
    response = client.post(
        reverse("account_login") + f"?next={programme.url}",
        {"login": talent_pool.aspirant.email, "password": TEST_PASSWORD, "next": programme.url},
    )

    assert response.status_code == 302
    assert response["Location"] == programme.url


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/programmes/"])
def test_sign_up_never_sends_people_off_the_site(client, programme, next_url):
    client.post(
        reverse("account_signup"),
        {
            "email": "nadia@example.org",
            "first_name": "Nadia",
            "last_name": "Okafor",
            "password1": PASSWORD,
            "next": next_url,
        },
    )
    link = re.search(r"https?://[^/\s]+(/account/confirm-email/\S+/)", mail.outbox[0].body).group(1)

    response = client.post(link)

    assert response.status_code == 302
    assert "evil.example" not in response["Location"]
