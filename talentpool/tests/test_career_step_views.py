"""Career steps as an aspirant uses them: add, edit and mark steps, and get told why not."""

import datetime
import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from programmes.factories import ProgrammePageFactory, career_stage
from talentpool.factories import AspirantProfileFactory, CareerStepFactory
from talentpool.models import CareerStep, LeadershipQuality

ADD_URL = reverse("talentpool:career_step_add")
STALE_BANNER = "This step was changed somewhere else, so your changes were not saved"


def edit_url(step) -> str:
    return reverse("talentpool:career_step_edit", args=[step.pk])


def status_url(step) -> str:
    return reverse("talentpool:career_step_status", args=[step.pk])


def date_parts(date: datetime.date) -> dict[str, str]:
    return {
        "target_date_day": str(date.day),
        "target_date_month": str(date.month),
        "target_date_year": str(date.year),
    }


def in_a_year() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=365)


def flash_messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def programmes(site_tree):
    index = site_tree["programme_index"]
    return {
        "reading": ProgrammePageFactory(parent=index, title="Reading leaders"),
        "aspiring": ProgrammePageFactory(parent=index, title="Aspiring heads"),
        "draft": ProgrammePageFactory(parent=index, title="Coaching for all", live=False),
    }


@pytest.fixture
def aspirant_client(client, talent_pool):
    client.force_login(talent_pool.aspirant)
    return client


@pytest.fixture
def step(talent_pool):
    return CareerStepFactory(profile=talent_pool.profile, title="Lead the phonics review")


# Adding a step ----------------------------------------------------------------------------------


def test_add_form_offers_day_month_year_boxes_and_live_programmes_by_title(aspirant_client, programmes):
    response = aspirant_client.get(ADD_URL)
    html = response.content.decode()
    assert response.status_code == 200
    for box in ("Day", "Month", "Year"):
        assert f">{box}</label>" in html
    assert 'name="target_date_day"' in html and 'name="target_date_year"' in html
    choices = [label for _value, label in response.context["form"].fields["programme"].choices]
    assert choices[1:] == ["Aspiring heads", "Reading leaders"]  # live only, in title order


def test_add_a_step_and_see_it_saved(aspirant_client, talent_pool, programmes):
    target = in_a_year()
    response = aspirant_client.post(
        ADD_URL,
        {
            "title": "Shadow our deputy head",
            **date_parts(target),
            "target_role": str(career_stage("senior-leader").pk),
            "programme": str(programmes["aspiring"].pk),
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("talentpool:dashboard")
    assert flash_messages(response) == ["Your career step has been added."]
    step = talent_pool.profile.career_steps.get()
    assert (step.title, step.target_date, step.status) == ("Shadow our deputy head", target, "planned")
    assert step.target_role == career_stage("senior-leader")
    assert step.programme.specific == programmes["aspiring"]


def test_month_may_be_typed_as_a_word(aspirant_client, talent_pool):
    year = timezone.localdate().year + 1
    response = aspirant_client.post(
        ADD_URL,
        {
            "title": "Start NPQSL",
            "target_date_day": "3",
            "target_date_month": "Mar",
            "target_date_year": str(year),
        },
    )
    assert response.status_code == 302
    assert talent_pool.profile.career_steps.get().target_date == datetime.date(year, 3, 3)


def test_a_past_date_is_refused_for_a_new_step_and_what_was_typed_is_kept(aspirant_client, talent_pool):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    response = aspirant_client.post(ADD_URL, {"title": "Lead the phonics review", **date_parts(yesterday)})
    html = response.content.decode()
    assert response.status_code == 200
    message = "The target date must be today or in the future. Enter a later date."
    assert response.context["form"].errors["target_date"] == [message]
    assert html.count(message) == 2  # next to the date, and in the error summary
    assert 'href="#id_target_date_0"' in html
    assert 'value="Lead the phonics review"' in html
    assert f'value="{yesterday.year}"' in html
    assert not CareerStep.objects.exists()


def test_a_past_date_is_reported_together_with_other_mistakes(aspirant_client):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    response = aspirant_client.post(ADD_URL, {"title": "", **date_parts(yesterday)})
    assert response.context["form"].errors == {
        "title": ["Enter what the step is"],
        "target_date": ["The target date must be today or in the future. Enter a later date."],
    }
    assert not CareerStep.objects.exists()


def test_today_is_allowed_for_a_new_step(aspirant_client, talent_pool):
    response = aspirant_client.post(ADD_URL, {"title": "Start today", **date_parts(timezone.localdate())})
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("day", "month", "year", "message", "highlighted"),
    [
        ("31", "2", "2030", "Target date must be a real date", {"day", "month", "year"}),
        ("ab", "3", "2030", "Target date must be a real date", {"day", "month", "year"}),
        ("1", "13", "2030", "Target date must be a real date", {"day", "month", "year"}),
        ("1", "", "2030", "Target date must include a month", {"month"}),
        ("", "", "2030", "Target date must include a day and month", {"day", "month"}),
        ("1", "3", "30", "Year must include 4 numbers", {"year"}),
        ("", "", "", "Enter the target date", {"day", "month", "year"}),
    ],
)
def test_bad_dates_get_govuk_messages(aspirant_client, talent_pool, day, month, year, message, highlighted):
    response = aspirant_client.post(
        ADD_URL,
        {"title": "Lead the phonics review", "target_date_day": day, "target_date_month": month,
         "target_date_year": year},
    )  # fmt: skip
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["form"].errors["target_date"] == [message]
    assert html.count(message) == 2
    assert 'class="govuk-form-group govuk-form-group--error"' in html
    for index, part in enumerate(("day", "month", "year")):
        boxes = [
            line for line in html.splitlines() if f'id="id_target_date_{index}"' in line and "<input" in line
        ]
        assert len(boxes) == 1
        assert ("govuk-input--error" in boxes[0]) == (part in highlighted), part
    if day:
        assert f'value="{day}"' in html
    assert not CareerStep.objects.exists()


def test_a_missing_title_is_reported_with_the_date_kept(aspirant_client):
    response = aspirant_client.post(ADD_URL, {"title": "  ", **date_parts(in_a_year())})
    assert response.context["form"].errors["title"] == ["Enter what the step is"]
    assert f'value="{in_a_year().year}"' in response.content.decode()


def test_an_unpublished_programme_cannot_be_chosen(aspirant_client, programmes):
    response = aspirant_client.post(
        ADD_URL, {"title": "Coach", **date_parts(in_a_year()), "programme": str(programmes["draft"].pk)}
    )
    assert response.context["form"].errors["programme"] == ["Choose a programme from the list."]
    assert not CareerStep.objects.exists()


# Editing a step ---------------------------------------------------------------------------------


def test_edit_form_shows_the_step(aspirant_client, step):
    response = aspirant_client.get(edit_url(step))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Lead the phonics review"' in html
    assert f'name="version" value="{step.version}"' in html
    assert f'value="{step.target_date.year}"' in html


def test_edit_a_step(aspirant_client, step, programmes):
    new_date = in_a_year()
    response = aspirant_client.post(
        edit_url(step),
        {
            "title": "Lead the phonics review across the trust",
            **date_parts(new_date),
            "programme": str(programmes["reading"].pk),
            "version": str(step.version),
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("talentpool:dashboard")
    assert flash_messages(response) == ["Your career step has been updated."]
    step.refresh_from_db()
    assert (step.title, step.target_date, step.version) == (
        "Lead the phonics review across the trust",
        new_date,
        2,
    )
    assert step.programme_id == programmes["reading"].pk


def test_a_late_step_can_keep_or_be_given_a_past_date(aspirant_client, talent_pool):
    long_ago = timezone.localdate() - datetime.timedelta(days=60)
    late = CareerStepFactory(profile=talent_pool.profile, title="Observe", target_date=long_ago)
    response = aspirant_client.get(edit_url(late))
    assert "Past its target date" in response.content.decode()
    response = aspirant_client.post(
        edit_url(late), {"title": "Observe two lessons", **date_parts(long_ago), "version": "1"}
    )
    assert response.status_code == 302
    earlier = long_ago - datetime.timedelta(days=30)
    response = aspirant_client.post(
        edit_url(late), {"title": "Observe", **date_parts(earlier), "version": "2"}
    )
    assert response.status_code == 302
    late.refresh_from_db()
    assert late.target_date == earlier


def test_a_programme_unpublished_since_it_was_linked_stays_linked(aspirant_client, talent_pool, programmes):
    linked = CareerStepFactory(profile=talent_pool.profile, programme=programmes["reading"])
    programmes["reading"].unpublish()
    response = aspirant_client.get(edit_url(linked))
    assert response.context["form"]["programme"].value() == programmes["reading"].pk
    response = aspirant_client.post(
        edit_url(linked),
        {"title": "Renamed", **date_parts(linked.target_date), "programme": str(programmes["reading"].pk),
         "version": "1"},
    )  # fmt: skip
    assert response.status_code == 302
    linked.refresh_from_db()
    assert (linked.title, linked.programme_id) == ("Renamed", programmes["reading"].pk)


def test_bad_input_on_edit_saves_nothing(aspirant_client, step):
    response = aspirant_client.post(
        edit_url(step),
        {"title": "New title", "target_date_day": "30", "target_date_month": "2", "target_date_year": "2031",
         "version": "1"},
    )  # fmt: skip
    assert response.status_code == 200
    assert "Target date must be a real date" in response.content.decode()
    assert 'value="New title"' in response.content.decode()
    step.refresh_from_db()
    assert (step.title, step.version) == ("Lead the phonics review", 1)


def test_two_tabs_the_first_save_wins_and_the_second_is_shown_the_newer_step(aspirant_client, step):
    first_tab = aspirant_client.get(edit_url(step)).context["form"]
    second_tab = aspirant_client.get(edit_url(step)).context["form"]
    assert first_tab["version"].value() == second_tab["version"].value() == 1

    first = aspirant_client.post(
        edit_url(step), {"title": "Saved in the first tab", **date_parts(in_a_year()), "version": "1"}
    )
    assert first.status_code == 302

    second_date = in_a_year() + datetime.timedelta(days=10)
    second = aspirant_client.post(
        edit_url(step), {"title": "Typed in the second tab", **date_parts(second_date), "version": "1"}
    )
    html = second.content.decode()
    assert second.status_code == 409
    assert STALE_BANNER in html
    assert 'class="govuk-notification-banner"' in html
    assert 'value="Saved in the first tab"' in html  # the form now holds the newer version
    assert 'name="version" value="2"' in html
    assert "Typed in the second tab" in html  # what they typed is shown, not saved
    step.refresh_from_db()
    assert (step.title, step.version) == ("Saved in the first tab", 2)

    again = aspirant_client.post(
        edit_url(step), {"title": "Typed in the second tab", **date_parts(second_date), "version": "2"}
    )
    assert again.status_code == 302
    step.refresh_from_db()
    assert (step.title, step.version) == ("Typed in the second tab", 3)


# Changing a step's status -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "message"),
    [
        ("in-progress", "“Lead the phonics review” is now marked as in progress."),
        ("achieved", "“Lead the phonics review” is now marked as achieved."),
        ("withdrawn", "“Lead the phonics review” is now marked as withdrawn."),
    ],
)
def test_mark_a_step(aspirant_client, step, status, message):
    html = aspirant_client.get(edit_url(step)).content.decode()
    assert f'name="status" value="{status}"' in html
    response = aspirant_client.post(status_url(step), {"status": status, "version": "1"})
    assert response.status_code == 302
    assert response["Location"] == reverse("talentpool:dashboard")
    assert flash_messages(response) == [message]
    step.refresh_from_db()
    assert (step.status, step.version) == (status, 2)


def test_the_current_status_is_not_offered_again(aspirant_client, talent_pool):
    achieved = CareerStepFactory(profile=talent_pool.profile, status=CareerStep.Status.ACHIEVED)
    html = aspirant_client.get(edit_url(achieved)).content.decode()
    assert 'name="status" value="achieved"' not in html
    assert 'name="status" value="in-progress"' in html


def test_a_status_change_from_a_stale_page_is_refused_and_shows_the_newer_step(aspirant_client, step):
    aspirant_client.post(status_url(step), {"status": "in-progress", "version": "1"})
    response = aspirant_client.post(status_url(step), {"status": "withdrawn", "version": "1"})
    html = response.content.decode()
    assert response.status_code == 409
    assert STALE_BANNER in html
    assert "In progress</strong>" in html
    step.refresh_from_db()
    assert (step.status, step.version) == ("in-progress", 2)


@pytest.mark.parametrize("data", [{"status": "finished", "version": "1"}, {"status": "achieved"}, {}])
def test_a_tampered_status_form_changes_nothing(aspirant_client, step, data):
    response = aspirant_client.post(status_url(step), data)
    assert response.status_code == 400
    assert "The status of this step was not changed" in response.content.decode()
    step.refresh_from_db()
    assert (step.status, step.version) == ("planned", 1)


def test_status_is_changed_by_post_only(aspirant_client, step):
    assert aspirant_client.get(status_url(step)).status_code == 405


# Who may do what --------------------------------------------------------------------------------

OTHER_PEOPLE = ["another_aspirant", "sip_of_school", "sip_of_other_school", "officer", "officer_of_other_la"]


@pytest.mark.parametrize("role", OTHER_PEOPLE)
def test_someone_elses_step_answers_404_and_is_left_alone(client, talent_pool, step, role):
    client.force_login(getattr(talent_pool, role))
    assert client.get(edit_url(step)).status_code == 404
    post = {"title": "Hijacked", **date_parts(in_a_year()), "version": "1"}
    response = client.post(edit_url(step), post)
    assert response.status_code == 404
    assert "Lead the phonics review" not in response.content.decode()
    assert client.post(status_url(step), {"status": "withdrawn", "version": "1"}).status_code == 404
    step.refresh_from_db()
    assert (step.title, step.status, step.version) == ("Lead the phonics review", "planned", 1)


def test_a_step_that_does_not_exist_answers_404(aspirant_client):
    assert aspirant_client.get(reverse("talentpool:career_step_edit", args=[999999])).status_code == 404


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("aspirant", 200),
        ("another_aspirant", 200),
        ("sip_of_school", 403),
        ("sip_of_other_school", 403),
        ("officer", 403),
        ("officer_of_other_la", 403),
    ],
)
def test_only_aspirants_may_add_steps(client, talent_pool, role, expected):
    client.force_login(getattr(talent_pool, role))
    assert client.get(ADD_URL).status_code == expected
    response = client.post(ADD_URL, {"title": "Try", **date_parts(in_a_year())})
    assert response.status_code == (302 if expected == 200 else 403)
    assert CareerStep.objects.filter(title="Try").count() == (1 if expected == 200 else 0)


def test_the_owner_may_open_their_step(aspirant_client, step):
    assert aspirant_client.get(edit_url(step)).status_code == 200


def test_signed_out_people_are_sent_to_sign_in(client, step):
    login = reverse("account_login")
    for response in (
        client.get(ADD_URL),
        client.get(edit_url(step)),
        client.post(edit_url(step), {"title": "x", "version": "1"}),
        client.post(status_url(step), {"status": "achieved", "version": "1"}),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith(f"{login}?next=")
    step.refresh_from_db()
    assert (step.title, step.status) == ("Lead the phonics review", "planned")


# In Chromium, by keyboard, with axe-core ---------------------------------------------------------


@pytest.fixture
def signed_up_aspirant(transactional_db, django_db_serialized_rollback):
    """A verified aspirant with one late step, committed so the live server sees them."""
    from allauth.account.models import EmailAddress

    from programmes.factories import page_tree_factory

    ProgrammePageFactory(parent=page_tree_factory()["programme_index"], title="Reading leaders")
    profile = AspirantProfileFactory(user__username="kofi", user__email="kofi@example.org")
    EmailAddress.objects.create(user=profile.user, email="kofi@example.org", verified=True, primary=True)
    late = CareerStepFactory(
        profile=profile,
        title="Observe the deputy",
        target_date=timezone.localdate() - datetime.timedelta(days=9),
    )
    return {"profile": profile, "late": late}


@pytest.mark.browser
@pytest.mark.parametrize("page_fixture", ["browser_page", "phone_page"])
def test_steps_and_self_assessment_by_keyboard_in_chromium(request, signed_up_aspirant, page_fixture):
    from playwright.sync_api import expect

    from home.factories import TEST_PASSWORD
    from portal.testing.browser import assert_no_serious_axe_violations, visit

    page = request.getfixturevalue(page_fixture)
    visit(page, "/account/login/")
    page.locator("[name=login]").fill("kofi@example.org")
    page.locator("[name=password]").fill(TEST_PASSWORD)
    page.locator("[name=password]").press("Enter")
    expect(page).not_to_have_url(re.compile(r"/account/login/"))

    # A new step with a date that does not exist, then put right.
    visit(page, ADD_URL)
    assert_no_serious_axe_violations(page)
    page.get_by_label("What is the step?").fill("Lead the maths working party")
    page.get_by_label("Day").fill("31")
    page.get_by_label("Month").fill("2")
    page.get_by_label("Year").fill(str(in_a_year().year))
    page.get_by_label("Year").press("Enter")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Target date must be a real date")
    expect(summary).to_be_focused()
    assert_no_serious_axe_violations(page)
    summary.get_by_role("link", name="Target date must be a real date").click()
    expect(page.get_by_label("Day")).to_be_focused()
    page.get_by_label("Day").fill("28")
    page.get_by_label("Programme it is part of (optional)").select_option(label="Reading leaders")
    page.get_by_role("button", name="Add step").click()
    expect(page).to_have_url(re.compile(r"/talent-pool/$"))
    expect(page.locator("main")).to_contain_text("Your career step has been added.")
    assert signed_up_aspirant["profile"].career_steps.filter(title="Lead the maths working party").exists()

    # The late step: mark it achieved from its page.
    visit(page, edit_url(signed_up_aspirant["late"]))
    assert_no_serious_axe_violations(page)
    page.get_by_role("button", name="Mark as achieved").click()
    expect(page.locator("main")).to_contain_text("is now marked as achieved")

    # Rate one quality, with evidence.
    visit(page, reverse("talentpool:self_assessment"))
    assert_no_serious_axe_violations(page)
    first = LeadershipQuality.objects.order_by("sort_order", "name").first()
    page.locator(f"#id_rating-{first.slug}_3").check()
    page.get_by_label(f"Evidence for {first.name} (optional)").fill("Led two staff meetings on reading.")
    page.get_by_role("button", name="Save self-assessment").click()
    expect(page.locator("main")).to_contain_text("Your self-assessment has been saved.")
    visit(page, reverse("talentpool:self_assessment"))
    expect(page.locator("main")).to_contain_text(f"Last updated {timezone.localdate():%-d %B %Y}")
    assert_no_serious_axe_violations(page)
