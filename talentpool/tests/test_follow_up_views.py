"""Recording a follow-up after a school visit, as a SIP does it: the form, its mistakes, who may,
and what the aspirant then sees and is told."""

import datetime
from unittest import mock
from urllib.parse import quote

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from talentpool.factories import AspirantProfileFactory, CareerStepFactory
from talentpool.log_actions import RECORD_FOLLOW_UP
from talentpool.models import CareerStep, FollowUp

DAY = datetime.timedelta(days=1)
DASH = " \N{EN DASH} "  # between the parts of a page title
LIST_URL = reverse("talentpool:review_list")
NOTES = "Talked through the reading project; it is a month behind."


def today() -> datetime.date:
    return timezone.localdate()


def add_url(profile) -> str:
    return reverse("talentpool:follow_up_add", args=[profile.pk])


def detail_url(profile) -> str:
    return reverse("talentpool:review_detail", args=[profile.pk])


def date_parts(name: str, date: datetime.date | None) -> dict[str, str]:
    if date is None:
        return {f"{name}_day": "", f"{name}_month": "", f"{name}_year": ""}
    return {f"{name}_day": str(date.day), f"{name}_month": str(date.month), f"{name}_year": str(date.year)}


def form_data(**changes) -> dict:
    data = {
        **date_parts("visit_date", today() - 2 * DAY),
        "notes": NOTES,
        "agreed_actions": "Meet the English lead before half term.",
        **date_parts("next_follow_up_due", today() + 28 * DAY),
    }
    data.update(changes)
    return data


def error_summary(html: str) -> str:
    start = html.index('class="govuk-error-summary"')
    return html[start : html.index("</ul>", start)]


@pytest.fixture
def steps(talent_pool):
    profile = talent_pool.profile
    return {
        "done": CareerStepFactory(
            profile=profile,
            title="Run a staff meeting",
            target_date=today() - 30 * DAY,
            status=CareerStep.Status.ACHIEVED,
        ),
        "reading": CareerStepFactory(
            profile=profile, title="Lead the reading project", target_date=today() + 20 * DAY
        ),
        "shadow": CareerStepFactory(
            profile=profile,
            title="Shadow the deputy head",
            target_date=today() + 60 * DAY,
            status=CareerStep.Status.IN_PROGRESS,
        ),
    }


@pytest.fixture
def sip_client(client, talent_pool):
    client.force_login(talent_pool.sip_of_school)
    return client


# The form ---------------------------------------------------------------------------------------


def test_the_form_starts_with_todays_date_and_the_aspirants_steps_open_first(sip_client, talent_pool, steps):
    response = sip_client.get(add_url(talent_pool.profile))
    html = response.content.decode()

    assert response.status_code == 200
    assert f"<title>Record a follow-up for Asha Patel{DASH}Talent pool{DASH}" in html
    assert f'name="visit_date_day" type="text" inputmode="numeric" value="{today().day}"' in html
    assert f'name="visit_date_year" type="text" inputmode="numeric" value="{today().year}"' in html
    offered = [step for step, _label in response.context["form"].fields["career_steps"].choices]
    assert [choice.instance for choice in offered] == [steps["reading"], steps["shadow"], steps["done"]]
    assert "Lead the reading project (planned, target date" in html
    assert 'data-module="govuk-character-count" data-maxlength="4000"' in html
    assert "You can enter up to 4,000 characters" in html
    assert f'href="{detail_url(talent_pool.profile)}" class="govuk-back-link"' in html


def test_an_aspirant_without_steps_is_said_to_have_none(sip_client, talent_pool):
    html = sip_client.get(add_url(talent_pool.profile)).content.decode()
    assert "Asha Patel has not added any career steps yet." in html
    assert 'name="career_steps"' not in html


def test_another_aspirants_steps_are_not_offered(sip_client, talent_pool, steps):
    CareerStepFactory(profile=talent_pool.another_aspirant.aspirant_profile, title="Someone else's step")
    html = sip_client.get(add_url(talent_pool.profile)).content.decode()
    assert "Someone else" not in html


# Saving ------------------------------------------------------------------------------------------


def test_recording_a_follow_up_saves_it_logs_it_and_emails_the_aspirant(
    sip_client, talent_pool, steps, mailoutbox, django_capture_on_commit_callbacks
):
    data = form_data(career_steps=[steps["reading"].pk, steps["shadow"].pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = sip_client.post(add_url(talent_pool.profile), data)

    assert response.status_code == 302
    assert response.url == detail_url(talent_pool.profile)
    follow_up = FollowUp.objects.get()
    assert follow_up.author == talent_pool.sip_of_school
    assert follow_up.visit_date == today() - 2 * DAY
    assert follow_up.notes == NOTES
    assert follow_up.agreed_actions == "Meet the English lead before half term."
    assert follow_up.next_follow_up_due == today() + 28 * DAY
    assert set(follow_up.career_steps.all()) == {steps["reading"], steps["shadow"]}
    talent_pool.profile.refresh_from_db()
    assert talent_pool.profile.next_follow_up_due == today() + 28 * DAY
    assert ModelLogEntry.objects.filter(action=RECORD_FOLLOW_UP, user=talent_pool.sip_of_school).count() == 1

    [email] = mailoutbox
    assert email.to == [talent_pool.aspirant.email]
    assert "reading project" not in email.body and "English lead" not in email.body
    assert reverse("talentpool:dashboard") in email.body

    page = sip_client.get(response.url)
    html = page.content.decode()
    assert "Follow-up recorded. Asha Patel has been emailed that there is a new note." in html
    assert "govuk-notification-banner--success" in html
    assert NOTES.replace("'", "&#x27;") in html


def test_the_aspirant_then_sees_the_note_on_their_dashboard(client, talent_pool, steps):
    client.force_login(talent_pool.sip_of_school)
    client.post(add_url(talent_pool.profile), form_data(career_steps=[steps["reading"].pk]))
    client.logout()

    client.force_login(talent_pool.aspirant)
    html = client.get(reverse("talentpool:dashboard")).content.decode()
    assert "Talked through the reading project" in html
    assert "Meet the English lead before half term." in html
    assert "Lead the reading project" in html


def test_only_the_notes_and_visit_date_are_needed(sip_client, talent_pool):
    data = form_data(agreed_actions="", **date_parts("next_follow_up_due", None))
    response = sip_client.post(add_url(talent_pool.profile), data)
    assert response.status_code == 302
    follow_up = FollowUp.objects.get()
    assert follow_up.agreed_actions == "" and follow_up.next_follow_up_due is None
    assert not follow_up.career_steps.exists()


def test_a_visit_today_with_the_month_as_a_word_is_fine(sip_client, talent_pool):
    data = form_data(
        visit_date_day=str(today().day),
        visit_date_month=today().strftime("%B"),
        visit_date_year=str(today().year),
    )
    assert sip_client.post(add_url(talent_pool.profile), data).status_code == 302
    assert FollowUp.objects.get().visit_date == today()


def test_an_officer_may_record_a_follow_up_too(client, talent_pool):
    client.force_login(talent_pool.officer)
    response = client.post(add_url(talent_pool.profile), form_data())
    assert response.status_code == 302
    assert FollowUp.objects.get().author == talent_pool.officer


def test_the_way_back_to_the_filtered_list_is_kept(sip_client, talent_pool):
    back = f"{LIST_URL}?readiness=1-2-years&page=2"
    url = f"{add_url(talent_pool.profile)}?return={quote(back, safe='')}"
    html = sip_client.get(url).content.decode()
    assert (
        f'href="{detail_url(talent_pool.profile)}?return={quote(back, safe="")}" class="govuk-back-link"'
        in html
    )

    response = sip_client.post(url, form_data())
    assert response.url == f"{detail_url(talent_pool.profile)}?return={quote(back, safe='')}"
    assert (
        'readiness=1-2-years&amp;page=2" class="govuk-back-link"'
        in sip_client.get(response.url).content.decode()
    )


def test_a_foreign_way_back_is_dropped(sip_client, talent_pool):
    response = sip_client.post(f"{add_url(talent_pool.profile)}?return=https://evil.example/", form_data())
    assert response.url == detail_url(talent_pool.profile)


# Mistakes ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field_id", "message"),
    [
        (
            date_parts("visit_date", today() + DAY),
            "id_visit_date_0",
            "The visit date must be today or in the past. Enter the day of the visit.",
        ),
        (
            {
                **date_parts("visit_date", today() - 2 * DAY),
                **date_parts("next_follow_up_due", today() - 3 * DAY),
            },
            "id_next_follow_up_due_0",
            "The next follow-up must be today or later.",
        ),
        (
            {**date_parts("visit_date", today()), **date_parts("next_follow_up_due", today())},
            "id_next_follow_up_due_0",
            "The next follow-up must be after the visit date. Enter a later date, or leave it blank.",
        ),
        ({"notes": "   "}, "id_notes", "Enter your notes from the visit."),
        ({"notes": "x" * 4001}, "id_notes", "Notes must be 4,000 characters or fewer."),
        (
            {"agreed_actions": "x" * 2001},
            "id_agreed_actions",
            "Agreed actions must be 2,000 characters or fewer.",
        ),
        (
            {"visit_date_day": "31", "visit_date_month": "2"},
            "id_visit_date_0",
            "Date of the visit must be a real date",
        ),
        (
            {"visit_date_day": "", "visit_date_month": "", "visit_date_year": ""},
            "id_visit_date_0",
            "Enter the date of the visit",
        ),
        ({"next_follow_up_due_month": ""}, "id_next_follow_up_due_0", "must include a month"),
    ],
)
def test_mistakes_are_explained_next_to_the_field_and_nothing_is_saved(
    sip_client, talent_pool, mailoutbox, changes, field_id, message
):
    data = form_data(**changes)
    response = sip_client.post(add_url(talent_pool.profile), data)
    html = response.content.decode()

    assert response.status_code == 200
    assert "<title>Error: Record a follow-up" in html
    assert f'href="#{field_id}">' in error_summary(html)
    assert message in error_summary(html)
    assert html.count(message) == 2  # in the summary and next to the field
    assert not FollowUp.objects.exists()
    assert not ModelLogEntry.objects.filter(action=RECORD_FOLLOW_UP).exists()
    assert mailoutbox == []
    if "notes" not in changes:
        assert NOTES.replace("'", "&#x27;") in html  # what was typed is kept


def test_several_mistakes_are_reported_together(sip_client, talent_pool):
    data = form_data(notes="", **date_parts("visit_date", today() + 5 * DAY))
    summary = error_summary(sip_client.post(add_url(talent_pool.profile), data).content.decode())
    assert "Enter your notes from the visit." in summary
    assert "The visit date must be today or in the past." in summary


def test_someone_elses_step_is_refused(sip_client, talent_pool, steps):
    elsewhere = CareerStepFactory(profile=AspirantProfileFactory(school=talent_pool.school))
    data = form_data(career_steps=[steps["reading"].pk, elsewhere.pk])
    response = sip_client.post(add_url(talent_pool.profile), data)
    html = response.content.decode()

    assert response.status_code == 200
    assert "Choose only this aspirant&#x27;s own career steps." in error_summary(html)
    assert 'href="#id_career_steps_0"' in error_summary(html)
    assert not FollowUp.objects.exists()
    assert f'value="{steps["reading"].pk}" checked' in html  # the ticks are kept


def test_a_step_id_that_is_not_a_number_is_refused(sip_client, talent_pool, steps):
    response = sip_client.post(add_url(talent_pool.profile), form_data(career_steps=["first"]))
    assert "Choose career steps from the list." in error_summary(response.content.decode())
    assert not FollowUp.objects.exists()


def test_a_problem_the_service_finds_is_shown_next_to_its_field(sip_client, talent_pool):
    refusal = ValidationError(
        {"notes": ["These notes cannot be saved. Shorten them."], "other": ["Try again."]}
    )
    with mock.patch("talentpool.views.follow_up.follow_up_record", side_effect=refusal):
        response = sip_client.post(add_url(talent_pool.profile), form_data())
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="#id_notes">These notes cannot be saved. Shorten them.</a>' in error_summary(html)
    assert "<li>Try again.</li>" in error_summary(html)
    assert 'id="id_notes-error"' in html


# Who may ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 302),
        ("aspirant", 403),
        ("another_aspirant", 403),
        ("sip_of_school", 200),
        ("sip_of_other_school", 404),
        ("sip_assignment_ended", 404),
        ("officer", 200),
        ("officer_of_other_la", 404),
        ("superuser", 200),
    ],
)
@pytest.mark.parametrize("method", ["get", "post"])
def test_only_reviewers_of_the_aspirant_may_record_a_follow_up(
    client, talent_pool, superuser, role, expected, method
):
    if role == "superuser":
        client.force_login(superuser)
    elif role != "anonymous":
        client.force_login(getattr(talent_pool, role))

    response = getattr(client, method)(add_url(talent_pool.profile), form_data())

    if method == "post" and expected == 200:
        expected = 302  # saved
    assert response.status_code == expected
    if role == "anonymous":
        assert response.url.startswith(reverse("account_login"))
    if expected in (403, 404):
        body = response.content.decode()
        assert "Asha" not in body and "Patel" not in body
    assert FollowUp.objects.exists() == (method == "post" and expected == 302 and role != "anonymous")


def test_a_sip_cannot_record_a_follow_up_on_their_own_profile(client, talent_pool):
    own = AspirantProfileFactory(user=talent_pool.sip_of_school, school=talent_pool.school)
    client.force_login(talent_pool.sip_of_school)
    assert client.post(add_url(own), form_data()).status_code == 404
    assert not FollowUp.objects.exists()


def test_the_form_is_never_cached(sip_client, talent_pool):
    response = sip_client.get(add_url(talent_pool.profile))
    assert "no-store" in response["Cache-Control"]


def test_the_success_message_shows_once(sip_client, talent_pool):
    response = sip_client.post(add_url(talent_pool.profile), form_data())
    assert [str(message) for message in get_messages(response.wsgi_request)] == [
        "Follow-up recorded. Asha Patel has been emailed that there is a new note."
    ]
    assert "has been emailed" in sip_client.get(response.url).content.decode()
    assert "has been emailed" not in sip_client.get(response.url).content.decode()
