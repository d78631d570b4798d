"""Download my data and Delete my account, for each role."""

import datetime
import json

import pytest
from django.contrib.auth import SESSION_KEY, get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from home.factories import TEST_PASSWORD
from programmes.factories import ProgrammePageFactory
from talentpool.factories import (
    CareerStepFactory,
    FollowUpFactory,
    ProgrammeInterestFactory,
    QualityRatingFactory,
)
from talentpool.models import AspirantProfile, CareerStep, ErasureRecord, FollowUp, ProgrammeInterest

User = get_user_model()
STAFF = ["sip_of_school", "sip_of_other_school", "officer", "officer_of_other_la"]
EXPORT = reverse("talentpool:export_my_data")
DELETE = reverse("talentpool:delete_account")
DELETED = reverse("talentpool:account_deleted")


@pytest.fixture
def record(talent_pool, site_tree):
    """The aspirant's steps, interest, rating and a SIP's follow-up; and another aspirant's step."""
    programme = ProgrammePageFactory(parent=site_tree["programme_index"], title="Aspiring heads")
    return {
        "step": CareerStepFactory(profile=talent_pool.profile, title="Lead the reading project"),
        "interest": ProgrammeInterestFactory(profile=talent_pool.profile, programme=programme),
        "rating": QualityRatingFactory(profile=talent_pool.profile, evidence="Ran the phase team"),
        "follow_up": FollowUpFactory(
            profile=talent_pool.profile, author=talent_pool.sip_of_school, notes="Ready to shadow SLT"
        ),
        "other_step": CareerStepFactory(
            profile=talent_pool.another_aspirant.aspirant_profile, title="Someone else's step"
        ),
    }


# Download my data -------------------------------------------------------------------------------


def test_the_export_page_says_what_the_file_holds(client, talent_pool):
    client.force_login(talent_pool.aspirant)

    response = client.get(EXPORT)

    assert response.status_code == 200
    content = response.content.decode()
    assert "Download your data" in content
    assert "follow-up notes" in content
    assert 'method="post"' in content
    assert "csrfmiddlewaretoken" in content


def test_the_export_is_a_dated_json_file_of_everything_about_the_owner(client, talent_pool, record):
    client.force_login(talent_pool.aspirant)

    response = client.post(EXPORT)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="leadership-portal-my-data-{today}.json"'
    )
    assert response.content.decode().startswith('{\n  "account"')  # pretty-printed
    data = json.loads(response.content)
    assert data["account"]["username"] == "aspirant"
    assert data["profile"]["school"]["name"] == "Oakfield Primary"
    assert [step["title"] for step in data["career_steps"]] == ["Lead the reading project"]
    assert [interest["programme"] for interest in data["programme_interests"]] == ["Aspiring heads"]
    assert [rating["evidence"] for rating in data["quality_ratings"]] == ["Ran the phase team"]
    assert [follow_up["notes"] for follow_up in data["follow_ups"]] == ["Ready to shadow SLT"]
    assert "Someone else's step" not in response.content.decode()


def test_the_export_is_not_cached(client, talent_pool):
    client.force_login(talent_pool.aspirant)

    assert "no-store" in client.post(EXPORT)["Cache-Control"]


def test_another_aspirant_only_ever_gets_their_own_data(client, talent_pool, record):
    client.force_login(talent_pool.another_aspirant)

    response = client.post(EXPORT)

    data = json.loads(response.content)
    assert data["account"]["username"] == "another"
    assert [step["title"] for step in data["career_steps"]] == ["Someone else's step"]
    content = response.content.decode()
    for detail in ("Lead the reading project", "Ready to shadow SLT", "Ran the phase team", "Patel"):
        assert detail not in content


@pytest.mark.parametrize("method", ["get", "post"])
def test_signed_out_visitors_are_sent_to_sign_in_for_the_export(client, talent_pool, method):
    response = getattr(client, method)(EXPORT)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={EXPORT}"


@pytest.mark.parametrize("role", STAFF)
@pytest.mark.parametrize("method", ["get", "post"])
def test_staff_cannot_use_the_export(client, talent_pool, record, role, method):
    client.force_login(getattr(talent_pool, role))

    response = getattr(client, method)(EXPORT)

    assert response.status_code == 403
    assert "Lead the reading project" not in response.content.decode()
    assert "Patel" not in response.content.decode()


# Delete my account ------------------------------------------------------------------------------


def test_the_delete_page_says_what_goes_and_that_it_cannot_be_undone(client, talent_pool):
    client.force_login(talent_pool.aspirant)

    response = client.get(DELETE)

    assert response.status_code == 200
    content = response.content.decode()
    assert "Delete your account" in content
    assert "your career steps" in content
    assert "You cannot undo this." in content
    assert 'type="password"' in content
    assert 'autocomplete="current-password"' in content


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("not my password", "The password is not right. Enter the password you use to sign in."),
        ("", "Enter your password to delete your account."),
    ],
)
def test_a_wrong_password_erases_nothing(client, talent_pool, record, password, message):
    client.force_login(talent_pool.aspirant)

    response = client.post(DELETE, {"password": password})

    assert response.status_code == 200
    content = response.content.decode()
    assert content.count(message) == 2  # in the error summary and next to the field
    assert '<a href="#id_password">' in content
    assert 'id="id_password-error"' in content
    assert 'value="not my password"' not in content  # a password is never echoed back
    assert User.objects.filter(pk=talent_pool.aspirant.pk).exists()
    assert AspirantProfile.objects.filter(pk=talent_pool.profile.pk).exists()
    assert CareerStep.objects.filter(pk=record["step"].pk).exists()
    assert not ErasureRecord.objects.exists()
    assert client.session[SESSION_KEY] == str(talent_pool.aspirant.pk)


def test_the_right_password_erases_everything_and_signs_out(client, talent_pool, record):
    client.force_login(talent_pool.aspirant)
    user_pk, profile_pk = talent_pool.aspirant.pk, talent_pool.profile.pk

    response = client.post(DELETE, {"password": TEST_PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == DELETED
    assert not User.objects.filter(pk=user_pk).exists()
    assert not AspirantProfile.objects.filter(pk=profile_pk).exists()
    assert not CareerStep.objects.filter(profile_id=profile_pk).exists()
    assert not ProgrammeInterest.objects.filter(profile_id=profile_pk).exists()
    assert not FollowUp.objects.filter(profile_id=profile_pk).exists()
    assert ErasureRecord.objects.count() == 1
    assert SESSION_KEY not in client.session
    # Other people keep their data.
    assert CareerStep.objects.filter(pk=record["other_step"].pk).exists()
    assert User.objects.filter(pk=talent_pool.sip_of_school.pk).exists()

    done = client.get(DELETED)
    assert done.status_code == 200
    assert "Your account has been deleted" in done.content.decode()
    assert client.get(reverse("talentpool:dashboard")).status_code == 302  # signed out


def test_the_delete_form_needs_a_csrf_token(talent_pool):
    client = Client(enforce_csrf_checks=True)
    client.force_login(talent_pool.aspirant)

    assert client.post(DELETE, {"password": TEST_PASSWORD}).status_code == 403
    assert User.objects.filter(pk=talent_pool.aspirant.pk).exists()


def test_another_aspirant_can_only_delete_their_own_account(client, talent_pool):
    client.force_login(talent_pool.another_aspirant)

    client.post(DELETE, {"password": TEST_PASSWORD})

    assert not User.objects.filter(pk=talent_pool.another_aspirant.pk).exists()
    assert User.objects.filter(pk=talent_pool.aspirant.pk).exists()
    assert AspirantProfile.objects.filter(pk=talent_pool.profile.pk).exists()


@pytest.mark.parametrize("method", ["get", "post"])
def test_signed_out_visitors_are_sent_to_sign_in_to_delete(client, talent_pool, method):
    response = getattr(client, method)(DELETE, {"password": TEST_PASSWORD} if method == "post" else None)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={DELETE}"
    assert not ErasureRecord.objects.exists()


@pytest.mark.parametrize("role", STAFF)
@pytest.mark.parametrize("method", ["get", "post"])
def test_staff_cannot_use_delete_my_account(client, talent_pool, role, method):
    user = getattr(talent_pool, role)
    client.force_login(user)

    response = getattr(client, method)(DELETE, {"password": TEST_PASSWORD} if method == "post" else None)

    assert response.status_code == 403
    assert User.objects.filter(pk=user.pk).exists()
    assert not ErasureRecord.objects.exists()


@pytest.mark.parametrize("role", [None, "aspirant", "another_aspirant", *STAFF])
def test_the_account_deleted_page_is_public_and_personal_to_nobody(client, talent_pool, role):
    if role:
        client.force_login(getattr(talent_pool, role))

    response = client.get(DELETED)

    assert response.status_code == 200
    assert "Patel" not in response.content.decode()


def test_the_erasure_record_holds_only_when(client, talent_pool):
    client.force_login(talent_pool.aspirant)
    before = timezone.now() - datetime.timedelta(seconds=1)

    client.post(DELETE, {"password": TEST_PASSWORD})

    record = ErasureRecord.objects.get()
    assert record.erased_at >= before
    assert [field.name for field in ErasureRecord._meta.concrete_fields] == ["id", "erased_at"]


def test_password_guesses_on_delete_account_are_limited(client, talent_pool):
    client.force_login(talent_pool.aspirant)
    url = reverse("talentpool:delete_account")

    responses = [client.post(url, {"password": f"wrong guess {n}"}) for n in range(12)]

    assert responses[0].status_code == 200
    assert responses[-1].status_code == 429
    assert AspirantProfile.objects.filter(pk=talent_pool.profile.pk).exists()
