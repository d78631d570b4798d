import datetime
import json

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import ModelLogEntry

from home.factories import UserFactory
from programmes.factories import ProgrammePageFactory, career_stage
from programmes.models import ProgrammePage
from talentpool import selectors
from talentpool.factories import (
    AspirantProfileFactory,
    CareerStepFactory,
    FollowUpFactory,
    ProgrammeInterestFactory,
    QualityRatingFactory,
)
from talentpool.models import (
    AspirantProfile,
    CareerStep,
    FollowUp,
    LeadershipQuality,
    ProgrammeInterest,
    QualityRating,
)

DAY = datetime.timedelta(days=1)


def today():
    return timezone.localdate()


def programme(site_tree, **kwargs) -> ProgrammePage:
    return ProgrammePageFactory(parent=site_tree["programme_index"], **kwargs)


def log_view(*, profile: AspirantProfile, user, when: datetime.datetime, action="talentpool.view_profile"):
    """An audit log entry as the review views will write it.

    ``bulk_create`` because ModelLogEntry.save() refuses actions not yet registered with Wagtail.
    """
    return ModelLogEntry.objects.bulk_create(
        [
            ModelLogEntry(
                content_type=ContentType.objects.get_for_model(AspirantProfile),
                object_id=str(profile.pk),
                label=str(profile),
                action=action,
                user=user,
                timestamp=when,
            )
        ]
    )[0]


# profile_missing_fields ---------------------------------------------------------------------------

EVERYTHING_MISSING = [
    "your school",
    "your current role",
    "your years in role",
    "the role you are aiming for",
    "how ready you feel",
]


def test_a_complete_profile_misses_nothing(db):
    assert selectors.profile_missing_fields(profile=AspirantProfileFactory()) == []


def test_optional_answers_are_not_missing(db):
    profile = AspirantProfileFactory(
        qualifications={}, statement="", rising_stars_consent=False, years_in_role=0
    )
    assert selectors.profile_missing_fields(profile=profile) == []


def test_an_empty_profile_misses_every_required_answer_in_the_forms_order(db):
    profile = AspirantProfile(user=UserFactory())
    assert selectors.profile_missing_fields(profile=profile) == EVERYTHING_MISSING
    assert selectors.profile_missing_fields(profile=None) == EVERYTHING_MISSING


def test_missing_fields_name_only_what_is_missing(db):
    profile = AspirantProfileFactory(target_role=None, readiness="")
    assert selectors.profile_missing_fields(profile=profile) == [
        "the role you are aiming for",
        "how ready you feel",
    ]


# dashboard_for ------------------------------------------------------------------------------------


def fill(profile, *, size: int, site_tree, author):
    """``size`` career steps, programme interests and follow-ups (each discussing two steps), and
    up to ``size`` self-ratings."""
    steps = [
        CareerStepFactory(profile=profile, target_date=today() + (i + 1) * DAY, programme=None)
        for i in range(size)
    ]
    for i in range(size):
        ProgrammeInterestFactory(profile=profile, programme=programme(site_tree))
        follow_up = FollowUpFactory(profile=profile, author=author, visit_date=today() - (i + 1) * DAY)
        follow_up.career_steps.set(steps[:2])
    for quality in LeadershipQuality.objects.all()[:size]:
        QualityRatingFactory(profile=profile, quality=quality)


def test_dashboard_shows_the_aspirants_pathway(talent_pool, site_tree):
    tp = talent_pool
    leading = programme(site_tree, title="Leading from the middle")
    closed = programme(site_tree, title="Deputy heads' network", status=ProgrammePage.Status.RUNNING)
    achieved = CareerStepFactory(
        profile=tp.profile, target_date=today() - 30 * DAY, status=CareerStep.Status.ACHIEVED
    )
    overdue = CareerStepFactory(profile=tp.profile, target_date=today() - DAY, programme=leading)
    later = CareerStepFactory(profile=tp.profile, target_date=today() + 60 * DAY)
    soon = CareerStepFactory(
        profile=tp.profile, target_date=today() + 5 * DAY, status=CareerStep.Status.IN_PROGRESS
    )
    ProgrammeInterestFactory(profile=tp.profile, programme=leading)
    ProgrammeInterestFactory(profile=tp.profile, programme=closed)
    follow_ups = [
        FollowUpFactory(profile=tp.profile, author=tp.sip_of_school, visit_date=today() - i * DAY)
        for i in range(1, 5)
    ]
    FollowUpFactory(profile=tp.another_aspirant.aspirant_profile, author=tp.sip_of_school)
    last_week = timezone.now() - 7 * DAY
    QualityRatingFactory(profile=tp.profile, quality=LeadershipQuality.objects.first(), updated_at=last_week)
    QualityRatingFactory(profile=tp.profile, quality=LeadershipQuality.objects.last())
    QualityRatingFactory(profile=tp.another_aspirant.aspirant_profile)

    dashboard = selectors.dashboard_for(user=tp.aspirant)

    assert dashboard["profile"] == tp.profile
    assert dashboard["profile"].school.local_authority == tp.local_authority
    assert dashboard["missing_fields"] == []
    assert dashboard["career_steps"] == [overdue, soon, later, achieved]
    assert [step.is_overdue for step in dashboard["career_steps"]] == [True, False, False, False]
    assert dashboard["career_steps"][0].programme.title == "Leading from the middle"
    assert {interest.programme for interest in dashboard["programme_interests"]} == {leading, closed}
    assert dashboard["follow_ups"] == follow_ups[:3]
    assert {follow_up.author_name for follow_up in dashboard["follow_ups"]} == {
        tp.sip_of_school.get_full_name()
    }
    assert dashboard["rating_count"] == 2
    assert dashboard["quality_count"] == LeadershipQuality.objects.count() == 11
    assert dashboard["ratings_updated_at"] > last_week
    keys = [action["key"] for action in dashboard["next_actions"]]
    # Interest in the only open programme is registered already, so nothing to look at.
    assert keys == ["update-overdue-steps", "rate-qualities"]
    assert dashboard["next_actions"][1]["text"] == "Finish rating yourself against the leadership qualities"


def test_a_new_aspirant_is_told_where_to_start(db, site_tree):
    user = UserFactory()
    programme(site_tree)
    dashboard = selectors.dashboard_for(user=user)
    assert dashboard["profile"] is None
    assert dashboard["missing_fields"] == EVERYTHING_MISSING
    assert dashboard["career_steps"] == dashboard["programme_interests"] == dashboard["follow_ups"] == []
    assert dashboard["rating_count"] == 0
    assert dashboard["ratings_updated_at"] is None
    assert dashboard["next_actions"] == [
        {"key": "complete-profile", "text": "Complete your profile"},
        {"key": "add-career-step", "text": "Add your first career step"},
        {"key": "rate-qualities", "text": "Rate yourself against the leadership qualities"},
        {"key": "find-programmes", "text": "Look at programmes open for interest"},
    ]


def test_only_live_programmes_open_for_interest_are_suggested(talent_pool, site_tree):
    programme(site_tree, status=ProgrammePage.Status.COMPLETED)
    programme(site_tree, live=False)
    keys = [action["key"] for action in selectors.dashboard_for(user=talent_pool.aspirant)["next_actions"]]
    assert "find-programmes" not in keys


def test_an_aspirant_with_only_finished_steps_is_asked_for_the_next_one(talent_pool):
    CareerStepFactory(profile=talent_pool.profile, status=CareerStep.Status.ACHIEVED)
    actions = selectors.dashboard_for(user=talent_pool.aspirant)["next_actions"]
    assert {"key": "add-career-step", "text": "Add your next career step"} in actions


def test_a_deleted_author_is_described_not_named(talent_pool):
    FollowUpFactory(profile=talent_pool.profile, author=None)
    [follow_up] = selectors.dashboard_for(user=talent_pool.aspirant)["follow_ups"]
    assert follow_up.author_name == "a former member of staff"


def show_dashboard(user) -> dict:
    """The dashboard as a template would print it: every step, interest (with its link) and follow-up."""
    dashboard = selectors.dashboard_for(user=user)
    for step in dashboard["career_steps"]:
        assert step.is_overdue in (True, False)
        assert step.programme is None or step.programme.title
    for interest in dashboard["programme_interests"]:
        assert interest.programme.live
        assert interest.programme.url
    for follow_up in dashboard["follow_ups"]:
        assert follow_up.author_name
        assert len(follow_up.career_steps.all()) == 2
    return dashboard


def test_dashboard_queries_do_not_grow_with_steps_interests_follow_ups_and_views(talent_pool, site_tree):
    tp = talent_pool
    small, large = tp.profile, tp.another_aspirant.aspirant_profile
    fill(small, size=2, site_tree=site_tree, author=tp.sip_of_school)
    fill(large, size=20, site_tree=site_tree, author=tp.sip_of_school)
    for profile, size in [(small, 2), (large, 20)]:
        for viewer in (tp.sip_of_school, tp.officer) * size:
            log_view(profile=profile, user=viewer, when=timezone.now())
    show_dashboard(small.user)  # warms the caches of content types and site root paths

    counts = []
    for profile, size in [(small, 2), (large, 20)]:
        with CaptureQueriesContext(connection) as queries:
            dashboard = show_dashboard(profile.user)
        assert len(dashboard["career_steps"]) == len(dashboard["programme_interests"]) == size
        assert len(dashboard["record_views"]) == min(2 * size, 10)
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 9, counts


# personal_data_for --------------------------------------------------------------------------------


@pytest.fixture
def everything_about_asha(talent_pool, site_tree):
    """One of every kind of record about the aspirant, and distinctive records about someone else."""
    tp = talent_pool
    pathway = programme(site_tree, title="Middle leaders' pathway", local_authorities=[tp.local_authority])
    network = programme(site_tree, title="Aspiring heads network")
    profile = tp.profile
    profile.rising_stars_consent = True
    profile.rising_stars_consent_changed_at = timezone.now() - 3 * DAY
    profile.qualifications = {"held": ["npqlt"], "in_progress": ["npqsl"], "other": "MA Education"}
    profile.save()
    step = CareerStepFactory(
        profile=profile,
        title="Lead the reading project",
        programme=pathway,
        target_role=career_stage("middle-leader"),
    )
    withdrawn = CareerStepFactory(profile=profile, title="Join the curriculum group", status="withdrawn")
    ProgrammeInterestFactory(profile=profile, programme=network)
    QualityRatingFactory(
        profile=profile, quality=LeadershipQuality.objects.get(name="Resilience"), evidence="Ran Ofsted week."
    )
    follow_up = FollowUpFactory(
        profile=profile,
        author=tp.sip_of_school,
        notes="Asha is ready to lead reading.",
        agreed_actions="Observe the English lead.",
        next_follow_up_due=today() + 30 * DAY,
    )
    follow_up.career_steps.set([step, withdrawn])
    viewed_at = timezone.now() - 2 * DAY
    log_view(profile=profile, user=tp.sip_of_school, when=viewed_at)
    log_view(profile=profile, user=tp.officer, when=viewed_at + DAY, action="talentpool.export_profile")

    other = tp.another_aspirant.aspirant_profile
    other.statement = "SECRET-STATEMENT"
    other.save()
    CareerStepFactory(profile=other, title="SECRET-STEP")
    QualityRatingFactory(profile=other, evidence="SECRET-EVIDENCE")
    FollowUpFactory(profile=other, notes="SECRET-NOTES", author=tp.sip_of_school)
    ProgrammeInterestFactory(profile=other, programme=programme(site_tree, title="SECRET-PROGRAMME"))
    log_view(profile=other, user=tp.officer_of_other_la, when=viewed_at)
    return tp


def test_personal_data_holds_every_record_about_the_person(everything_about_asha):
    tp = everything_about_asha
    data = selectors.personal_data_for(user=tp.aspirant)

    assert data["account"] == {
        "username": "aspirant",
        "email": "aspirant@example.org",
        "first_name": "Asha",
        "last_name": "Patel",
        "date_joined": tp.aspirant.date_joined.isoformat(),
        "last_login": None,
        "groups": ["Aspirant leaders"],
    }
    profile = data["profile"]
    assert profile["school"] == {
        "name": "Oakfield Primary",
        "urn": tp.school.urn,
        "local_authority": "Bedford",
    }
    assert profile["current_role"] == tp.profile.current_role.name
    assert profile["target_role"] == tp.profile.target_role.name
    assert profile["years_in_role"] == 3
    assert profile["readiness"] == "In 1 to 2 years"
    assert profile["qualifications"]["other"] == "MA Education"
    assert profile["statement"] == tp.profile.statement
    assert profile["rising_stars_consent"] is True
    assert (
        profile["rising_stars_consent_changed_at"] == tp.profile.rising_stars_consent_changed_at.isoformat()
    )

    steps = {step["title"]: step for step in data["career_steps"]}
    assert set(steps) == {"Lead the reading project", "Join the curriculum group"}
    assert steps["Lead the reading project"]["programme"] == "Middle leaders' pathway"
    assert steps["Lead the reading project"]["target_role"] == career_stage("middle-leader").name
    assert steps["Join the curriculum group"]["status"] == "Withdrawn"

    assert [interest["programme"] for interest in data["programme_interests"]] == ["Aspiring heads network"]
    assert data["programme_interests"][0]["status"] == "Interested"
    assert data["quality_ratings"] == [
        {
            "quality": "Resilience",
            "rating": 3,
            "evidence": "Ran Ofsted week.",
            "updated_at": QualityRating.objects.get(profile=tp.profile).updated_at.isoformat(),
        }
    ]
    [follow_up] = data["follow_ups"]
    assert follow_up["notes"] == "Asha is ready to lead reading."
    assert follow_up["agreed_actions"] == "Observe the English lead."
    assert follow_up["next_follow_up_due"] == (today() + 30 * DAY).isoformat()
    assert follow_up["author"] == tp.sip_of_school.get_full_name()
    assert sorted(follow_up["career_steps"]) == ["Join the curriculum group", "Lead the reading project"]

    assert [(entry["action"], entry["by"]) for entry in data["record_viewed_by"]] == [
        ("talentpool.export_profile", tp.officer.get_full_name()),
        ("talentpool.view_profile", tp.sip_of_school.get_full_name()),
    ]
    assert data["email_addresses"] == []
    assert data["local_authority"] is None
    assert data["sip_assignments"] == []


def test_personal_data_holds_nothing_about_anyone_else(everything_about_asha):
    tp = everything_about_asha
    text = json.dumps(selectors.personal_data_for(user=tp.aspirant))
    assert "SECRET" not in text
    assert tp.another_aspirant.username not in text
    assert tp.officer_of_other_la.get_full_name() not in text


def test_personal_data_is_plain_json(everything_about_asha):
    data = selectors.personal_data_for(user=everything_about_asha.aspirant)
    assert json.loads(json.dumps(data)) == data


# Introspection, so a new field or model cannot slip out of the download unnoticed.
EXPORTED = {
    AspirantProfile: "profile",
    CareerStep: "career_steps",
    ProgrammeInterest: "programme_interests",
    QualityRating: "quality_ratings",
    FollowUp: "follow_ups",
}
NOT_PERSONAL = {"id", "version", "profile", "user"}


def test_every_talentpool_model_about_a_person_is_in_the_download(everything_about_asha):
    data = selectors.personal_data_for(user=everything_about_asha.aspirant)
    staff_records = {
        "LocalAuthorityMembership": "local_authority",
        "SIPAssignment": "sip_assignments",
        "FollowUpReminder": "follow_up_reminders",
    }
    for model in apps.get_app_config("talentpool").get_models():
        about_someone = any(
            field.is_relation
            and field.related_model in (AspirantProfile, get_user_model())
            and field.concrete
            and field.name != "author"
            for field in model._meta.get_fields()
        )
        if about_someone:
            key = EXPORTED.get(model) or staff_records.get(model.__name__)
            assert key in data, f"{model.__name__} is about a person but not in personal_data_for"


@pytest.mark.parametrize("model", EXPORTED)
def test_every_field_of_each_record_is_in_the_download(everything_about_asha, model):
    data = selectors.personal_data_for(user=everything_about_asha.aspirant)[EXPORTED[model]]
    record = data if isinstance(data, dict) else data[0]
    for field in model._meta.get_fields():
        if field.concrete and field.name not in NOT_PERSONAL:
            assert field.name in record, f"{model.__name__}.{field.name} is not in the download"


def test_a_sips_download_includes_their_la_and_assignments(talent_pool):
    data = selectors.personal_data_for(user=talent_pool.sip_of_school)
    assert data["account"]["groups"] == ["School Improvement Partners"]
    assert data["local_authority"] == "Bedford"
    assert data["sip_assignments"] == [
        {
            "school": "Oakfield Primary",
            "urn": talent_pool.school.urn,
            "starts_on": (today() - 30 * DAY).isoformat(),
            "ends_on": None,
        }
    ]
    assert data["profile"] is None


def test_views_by_deleted_accounts_and_the_system_are_described(talent_pool):
    gone = UserFactory()
    log_view(profile=talent_pool.profile, user=gone, when=timezone.now() - DAY)
    gone.delete()
    log_view(profile=talent_pool.profile, user=None, when=timezone.now())
    entries = selectors.personal_data_for(user=talent_pool.aspirant)["record_viewed_by"]
    assert [entry["by"] for entry in entries] == ["the system", "someone whose account was deleted"]


def test_personal_data_queries_do_not_grow_with_the_records(talent_pool, site_tree):
    tp = talent_pool
    small, large = tp.profile, tp.another_aspirant.aspirant_profile
    fill(small, size=2, site_tree=site_tree, author=tp.sip_of_school)
    fill(large, size=20, site_tree=site_tree, author=tp.sip_of_school)
    for profile, size in [(small, 2), (large, 20)]:
        for _ in range(size):
            log_view(profile=profile, user=tp.sip_of_school, when=timezone.now())
    selectors.personal_data_for(user=small.user)

    counts = []
    for profile in (small, large):
        with CaptureQueriesContext(connection) as queries:
            selectors.personal_data_for(user=profile.user)
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
