"""The aspirant's writes: profile, career steps, self-ratings and programme interest."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from home.factories import UserFactory
from programmes.factories import ProgrammePageFactory, career_stage
from programmes.models import ProgrammePage
from talentpool import services
from talentpool.factories import CareerStepFactory
from talentpool.models import (
    AspirantProfile,
    CareerStep,
    LeadershipQuality,
    ProgrammeInterest,
    QualityRating,
    Readiness,
)
from talentpool.services import StaleEditError

TODAY = timezone.localdate


def profile_form(profile, **changes):
    """What an edit form posts: the profile's current values with some changed."""
    values = {
        "school": profile.school,
        "current_role": profile.current_role,
        "years_in_role": profile.years_in_role,
        "target_role": profile.target_role,
        "readiness": profile.readiness,
        "qualifications": profile.qualifications,
        "statement": profile.statement,
        "rising_stars_consent": profile.rising_stars_consent,
    }
    values.update(changes)
    return values


def saved_state(profile):
    return AspirantProfile.objects.filter(pk=profile.pk).values().get()


# Profile


def test_profile_get_or_create_makes_one_profile(db):
    user = UserFactory()
    profile = services.profile_get_or_create(user=user)
    assert services.profile_get_or_create(user=user) == profile
    assert AspirantProfile.objects.filter(user=user).count() == 1
    assert profile.version == 1


def test_profile_update_saves_and_moves_the_version_on(talent_pool):
    profile = talent_pool.profile
    before = profile.updated_at
    result = services.profile_update(
        profile=profile,
        expected_version=1,
        **profile_form(
            profile,
            school=talent_pool.other_school,
            current_role=career_stage("middle-leader"),
            years_in_role=5,
            target_role=career_stage("senior-leader"),
            readiness=Readiness.READY_NOW,
            qualifications={"held": ["npqlt", "npqlt"], "in_progress": ["npqsl"], "other": " PGCE "},
            statement="Ready to lead.",
        ),
    )
    saved = AspirantProfile.objects.get(pk=profile.pk)
    assert result.version == saved.version == 2
    assert saved.school == talent_pool.other_school
    assert saved.current_role.slug == "middle-leader"
    assert saved.years_in_role == 5
    assert saved.readiness == Readiness.READY_NOW
    assert saved.qualifications == {"held": ["npqlt"], "in_progress": ["npqsl"], "other": "PGCE"}
    assert saved.statement == "Ready to lead."
    assert saved.updated_at > before


def test_a_stale_profile_edit_is_refused_with_the_newer_version(talent_pool):
    first_tab = AspirantProfile.objects.get(pk=talent_pool.profile.pk)
    second_tab = AspirantProfile.objects.get(pk=talent_pool.profile.pk)
    services.profile_update(
        profile=first_tab, expected_version=1, **profile_form(first_tab, statement="From the first tab.")
    )
    saved = saved_state(first_tab)

    with pytest.raises(StaleEditError) as refused:
        services.profile_update(
            profile=second_tab, expected_version=1, **profile_form(second_tab, statement="Second tab.")
        )

    assert refused.value.current.version == 2
    assert refused.value.current.statement == "From the first tab."
    assert "Check the latest version" in str(refused.value)
    assert saved_state(first_tab) == saved


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"years_in_role": 99}, "years_in_role", "60"),
        ({"qualifications": {"held": ["npq-made-up"]}}, "qualifications", "is not a qualification we know"),
        (
            {"qualifications": {"held": ["npqh"], "in_progress": ["npqh"]}},
            "qualifications",
            "NPQ for Headship cannot be both held and in progress. Tick it as held",
        ),
        ({"qualifications": {"held": [], "npqs": []}}, "qualifications", "Choose your qualifications"),
        ({"readiness": "someday"}, "readiness", "not a valid choice"),
    ],
)
def test_invalid_profile_values_are_refused_and_nothing_is_saved(talent_pool, changes, field, message):
    profile = talent_pool.profile
    before = saved_state(profile)
    with pytest.raises(ValidationError) as refused:
        services.profile_update(
            profile=profile,
            expected_version=1,
            **profile_form(profile, statement="Changed too.", rising_stars_consent=True, **changes),
        )
    assert message in " ".join(refused.value.message_dict[field])
    assert saved_state(profile) == before
    assert profile.statement != "Changed too."  # the caller's object is left as it was


def test_every_invalid_field_is_reported_at_once(talent_pool):
    profile = talent_pool.profile
    with pytest.raises(ValidationError) as refused:
        services.profile_update(
            profile=profile,
            expected_version=1,
            **profile_form(profile, years_in_role=99, qualifications={"held": ["nope"]}),
        )
    assert set(refused.value.message_dict) == {"years_in_role", "qualifications"}


def test_consent_time_is_recorded_when_consent_is_given_or_withdrawn_only(talent_pool):
    profile = talent_pool.profile
    assert profile.rising_stars_consent_changed_at is None

    profile = services.profile_update(
        profile=profile, expected_version=1, **profile_form(profile, rising_stars_consent=True)
    )
    given_at = profile.rising_stars_consent_changed_at
    assert profile.rising_stars_consent is True
    assert given_at is not None

    profile = services.profile_update(
        profile=profile, expected_version=2, **profile_form(profile, statement="No consent change.")
    )
    assert profile.rising_stars_consent_changed_at == given_at

    profile = services.profile_update(
        profile=profile, expected_version=3, **profile_form(profile, rising_stars_consent=False)
    )
    assert profile.rising_stars_consent is False
    assert profile.rising_stars_consent_changed_at > given_at


def test_a_refused_consent_change_records_no_time(talent_pool):
    profile = talent_pool.profile
    with pytest.raises(StaleEditError):
        services.profile_update(
            profile=profile, expected_version=7, **profile_form(profile, rising_stars_consent=True)
        )
    assert saved_state(profile)["rising_stars_consent_changed_at"] is None


# Career steps


def test_a_new_step_cannot_have_a_target_date_in_the_past(talent_pool):
    yesterday = TODAY() - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        services.career_step_create(
            profile=talent_pool.profile, title="Lead a project", target_date=yesterday
        )
    assert refused.value.message_dict["target_date"] == [
        "The target date must be today or in the future. Enter a later date."
    ]
    assert not CareerStep.objects.exists()


def test_a_new_step_can_be_due_today(talent_pool):
    step = services.career_step_create(
        profile=talent_pool.profile,
        title="Lead a project",
        target_date=TODAY(),
        target_role=career_stage("middle-leader"),
    )
    step.refresh_from_db()
    assert step.profile == talent_pool.profile
    assert step.target_date == TODAY()
    assert step.status == CareerStep.Status.PLANNED
    assert step.version == 1


def test_a_new_step_needs_a_title(talent_pool):
    with pytest.raises(ValidationError) as refused:
        services.career_step_create(profile=talent_pool.profile, title="", target_date=TODAY())
    assert "title" in refused.value.message_dict
    assert not CareerStep.objects.exists()


def test_a_step_can_be_linked_to_a_published_programme(talent_pool, site_tree):
    programme = ProgrammePageFactory(parent=site_tree["programme_index"])
    step = services.career_step_create(
        profile=talent_pool.profile, title="Take the NPQ", target_date=TODAY(), programme=programme
    )
    assert CareerStep.objects.get(pk=step.pk).programme == programme

    other = ProgrammePageFactory(parent=site_tree["programme_index"])
    step = services.career_step_update(
        step=step,
        expected_version=1,
        title="Take the NPQ",
        target_date=TODAY(),
        target_role=None,
        programme=other,
    )
    assert step.programme == other
    assert step.version == 2


def test_a_step_cannot_be_linked_to_a_draft_programme(talent_pool, site_tree):
    draft = ProgrammePageFactory(parent=site_tree["programme_index"], live=False)
    with pytest.raises(ValidationError) as refused:
        services.career_step_create(
            profile=talent_pool.profile, title="Take the NPQ", target_date=TODAY(), programme=draft
        )
    assert refused.value.message_dict["programme"] == [
        "That programme is not published. Choose a programme from the list."
    ]


def test_a_step_can_be_edited_to_a_past_date(talent_pool):
    step = CareerStepFactory(profile=talent_pool.profile)
    last_week = TODAY() - datetime.timedelta(days=7)
    step = services.career_step_update(
        step=step,
        expected_version=1,
        title="Renamed",
        target_date=last_week,
        target_role=None,
        programme=None,
    )
    saved = CareerStep.objects.get(pk=step.pk)
    assert (saved.title, saved.target_date, saved.version) == ("Renamed", last_week, 2)
    assert saved.is_overdue


def test_a_stale_step_edit_is_refused(talent_pool):
    step = CareerStepFactory(profile=talent_pool.profile, title="Original")
    second_tab = CareerStep.objects.get(pk=step.pk)
    services.career_step_update(
        step=step,
        expected_version=1,
        title="First tab",
        target_date=step.target_date,
        target_role=None,
        programme=None,
    )
    with pytest.raises(StaleEditError) as refused:
        services.career_step_update(
            step=second_tab,
            expected_version=1,
            title="Second tab",
            target_date=step.target_date,
            target_role=None,
            programme=None,
        )
    assert refused.value.current.title == "First tab"
    assert refused.value.current.version == 2
    assert CareerStep.objects.get(pk=step.pk).title == "First tab"


def test_a_step_status_can_change(talent_pool):
    step = CareerStepFactory(profile=talent_pool.profile)
    step = services.career_step_set_status(
        step=step, expected_version=1, status=CareerStep.Status.IN_PROGRESS
    )
    step = services.career_step_set_status(step=step, expected_version=2, status=CareerStep.Status.ACHIEVED)
    saved = CareerStep.objects.get(pk=step.pk)
    assert (saved.status, saved.version) == (CareerStep.Status.ACHIEVED, 3)
    with pytest.raises(StaleEditError):
        services.career_step_set_status(step=step, expected_version=2, status=CareerStep.Status.WITHDRAWN)


def test_an_unknown_step_status_is_refused(talent_pool):
    step = CareerStepFactory(profile=talent_pool.profile)
    with pytest.raises(ValidationError) as refused:
        services.career_step_set_status(step=step, expected_version=1, status="forgotten")
    assert "status" in refused.value.message_dict
    assert CareerStep.objects.get(pk=step.pk).status == CareerStep.Status.PLANNED


# Leadership qualities


def test_a_rating_is_created_then_updated_in_one_row(talent_pool):
    quality = LeadershipQuality.objects.first()
    first = services.quality_rating_save(
        profile=talent_pool.profile, quality=quality, rating=2, evidence="Beginning."
    )
    second = services.quality_rating_save(
        profile=talent_pool.profile, quality=quality, rating=4, evidence="Led the phase team."
    )
    assert second.pk == first.pk
    saved = QualityRating.objects.get(profile=talent_pool.profile)
    assert (saved.rating, saved.evidence) == (4, "Led the phase team.")
    assert saved.updated_at >= first.updated_at


def test_a_rating_of_six_is_refused(talent_pool):
    quality = LeadershipQuality.objects.first()
    services.quality_rating_save(profile=talent_pool.profile, quality=quality, rating=3, evidence="")
    with pytest.raises(ValidationError) as refused:
        services.quality_rating_save(profile=talent_pool.profile, quality=quality, rating=6, evidence="")
    assert "rating" in refused.value.message_dict
    assert QualityRating.objects.get(profile=talent_pool.profile).rating == 3


# Programme interest


def test_registering_interest_twice_keeps_one_interest(talent_pool, site_tree):
    programme = ProgrammePageFactory(parent=site_tree["programme_index"])
    interest, registered = services.programme_interest_register(
        profile=talent_pool.profile, programme=programme
    )
    again, registered_again = services.programme_interest_register(
        profile=talent_pool.profile, programme=programme
    )
    assert (registered, registered_again) == (True, False)
    assert again.pk == interest.pk
    assert ProgrammeInterest.objects.get().status == ProgrammeInterest.Status.INTERESTED


def test_a_withdrawn_interest_becomes_interested_again(talent_pool, site_tree):
    programme = ProgrammePageFactory(parent=site_tree["programme_index"])
    interest, _ = services.programme_interest_register(profile=talent_pool.profile, programme=programme)
    ProgrammeInterest.objects.filter(pk=interest.pk).update(status=ProgrammeInterest.Status.WITHDRAWN)

    again, registered = services.programme_interest_register(profile=talent_pool.profile, programme=programme)

    assert registered is True
    assert again.pk == interest.pk
    assert ProgrammeInterest.objects.get().status == ProgrammeInterest.Status.INTERESTED


def test_an_enrolment_is_left_alone_by_another_click(talent_pool, site_tree):
    programme = ProgrammePageFactory(parent=site_tree["programme_index"], status=ProgrammePage.Status.RUNNING)
    ProgrammeInterest.objects.create(
        profile=talent_pool.profile, programme=programme, status=ProgrammeInterest.Status.ENROLLED
    )
    interest, registered = services.programme_interest_register(
        profile=talent_pool.profile, programme=programme
    )
    assert registered is False
    assert interest.status == ProgrammeInterest.Status.ENROLLED


@pytest.mark.parametrize(
    ("page", "message"),
    [
        ({"status": ProgrammePage.Status.COMPLETED}, "This programme is no longer open for interest."),
        ({"status": ProgrammePage.Status.RUNNING}, "This programme is no longer open for interest."),
        ({"live": False}, "This programme is not published, so you cannot register interest in it yet."),
    ],
)
def test_interest_is_refused_unless_the_programme_is_published_and_open(
    talent_pool, site_tree, page, message
):
    programme = ProgrammePageFactory(parent=site_tree["programme_index"], **page)
    with pytest.raises(ValidationError) as refused:
        services.programme_interest_register(profile=talent_pool.profile, programme=programme)
    assert refused.value.messages[0].startswith(message)
    assert "programmes list" in refused.value.messages[0]
    assert not ProgrammeInterest.objects.exists()


def test_a_withdrawn_interest_in_a_closed_programme_stays_withdrawn(talent_pool, site_tree):
    programme = ProgrammePageFactory(
        parent=site_tree["programme_index"], status=ProgrammePage.Status.COMPLETED
    )
    ProgrammeInterest.objects.create(
        profile=talent_pool.profile, programme=programme, status=ProgrammeInterest.Status.WITHDRAWN
    )
    with pytest.raises(ValidationError):
        services.programme_interest_register(profile=talent_pool.profile, programme=programme)
    assert ProgrammeInterest.objects.get().status == ProgrammeInterest.Status.WITHDRAWN
