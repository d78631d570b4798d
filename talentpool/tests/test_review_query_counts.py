"""The review pages make the same number of queries for 10 aspirants as for 1,000.

Rows are made with bulk_create so the large case stays quick.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from programmes.factories import ProgrammePageFactory, SchoolFactory, career_stage
from talentpool.factories import SIPAssignmentFactory
from talentpool.models import (
    AspirantProfile,
    CareerStep,
    FollowUp,
    LeadershipQuality,
    ProgrammeInterest,
    QualityRating,
    Readiness,
)

DAY = datetime.timedelta(days=1)
#: A ceiling for each page, so a constant but silly number of queries fails too.
MAX_QUERIES = 22


def populate(*, count: int, schools, programme, author, prefix: str) -> list[AspirantProfile]:
    """``count`` aspirants spread over ``schools``, each with two steps (one late for some), a
    follow-up that discussed them, a programme interest and a next follow-up date."""
    today = timezone.localdate()
    teacher, middle_leader = career_stage("teacher"), career_stage("middle-leader")
    users = get_user_model().objects.bulk_create(
        [
            get_user_model()(
                username=f"{prefix}{number}",
                email=f"{prefix}{number}@example.org",
                first_name=f"First{number}",
                last_name=f"Last{number:05d}",
            )
            for number in range(count)
        ]
    )
    profiles = AspirantProfile.objects.bulk_create(
        [
            AspirantProfile(
                user=user,
                school=schools[number % len(schools)],
                current_role=teacher,
                target_role=middle_leader,
                readiness=Readiness.values[number % 3],
                next_follow_up_due=today + ((number % 30) - 10) * DAY,
            )
            for number, user in enumerate(users)
        ]
    )
    steps = CareerStep.objects.bulk_create(
        [
            CareerStep(
                profile=profile, title=f"Step {part}", target_date=today + ((number % 40) - 20 + part) * DAY
            )
            for number, profile in enumerate(profiles)
            for part in (0, 60)
        ]
    )
    follow_ups = FollowUp.objects.bulk_create(
        [
            FollowUp(profile=profile, author=author, visit_date=today - 10 * DAY, notes="Visit")
            for profile in profiles
        ]
    )
    FollowUp.career_steps.through.objects.bulk_create(
        [
            FollowUp.career_steps.through(followup_id=follow_up.pk, careerstep_id=step.pk)
            for follow_up, step in zip(follow_ups, steps[::2], strict=True)
        ]
    )
    ProgrammeInterest.objects.bulk_create(
        [ProgrammeInterest(profile=profile, programme=programme) for profile in profiles]
    )
    return profiles


@pytest.fixture
def sized_pool(talent_pool, site_tree):
    """Make the pool hold about ``count`` aspirants at the SIP's five schools (and a few elsewhere)."""
    sip = talent_pool.sip_of_school
    schools = [talent_pool.school] + [
        SIPAssignmentFactory(
            sip=sip, school=SchoolFactory(local_authority=talent_pool.local_authority)
        ).school
        for _ in range(4)
    ]
    programme = ProgrammePageFactory(parent=site_tree["programme_index"], title="Aspiring heads")
    made = {"count": 0}

    def grow(count: int) -> dict:
        populate(
            count=count - made["count"],
            schools=schools,
            programme=programme,
            author=sip,
            prefix=f"size{count}-",
        )
        populate(
            count=3, schools=[talent_pool.other_school], programme=programme, author=None, prefix=f"x{count}-"
        )
        made["count"] = count
        return {"sip": sip, "schools": schools, "programme": programme}

    return grow


def count_queries(client, url: str, data=None) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, data)
    assert response.status_code == 200
    return len(queries)


LIST_QUERIES = [
    {},
    {"school": "{school}", "step_status": "planned", "programme": "{programme}", "follow_up_due": "1"},
    {"search": "first", "sort": "next-step", "page": "2"},
    {"readiness": "ready-now", "sort": "follow-up"},
]


@pytest.mark.parametrize("params", LIST_QUERIES)
def test_the_list_makes_as_many_queries_for_1000_aspirants_as_for_10(client, sized_pool, params):
    small = sized_pool(10)
    client.force_login(small["sip"])
    values = {"school": small["schools"][1].pk, "programme": small["programme"].pk}
    data = {key: value.format(**values) for key, value in params.items()}
    url = reverse("talentpool:review_list")
    count_queries(client, url, data)  # warm caches (Wagtail's site root, content types)
    with_10 = count_queries(client, url, data)

    large = sized_pool(1000)
    response = client.get(url, data)
    assert response.context["page_obj"].paginator.count > 25  # the large list really is large
    with_1000 = count_queries(client, url, data)

    assert with_10 == with_1000
    assert with_1000 <= MAX_QUERIES
    assert large["sip"] == small["sip"]


def test_the_due_list_makes_as_many_queries_for_1000_aspirants_as_for_10(client, sized_pool):
    pool = sized_pool(10)
    client.force_login(pool["sip"])
    url = reverse("talentpool:due_follow_ups")
    count_queries(client, url)
    with_10 = count_queries(client, url)

    sized_pool(1000)
    response = client.get(url)
    assert sum(len(group.items) for group in response.context["schools"]) > 500
    with_1000 = count_queries(client, url)

    assert with_10 == with_1000
    assert with_1000 <= MAX_QUERIES


def _fill_record(profile, *, count: int, author, programme_index) -> None:
    today = timezone.localdate()
    steps = CareerStep.objects.bulk_create(
        [
            CareerStep(profile=profile, title=f"Step {number}", target_date=today + (number - 5) * DAY)
            for number in range(count)
        ]
    )
    follow_ups = FollowUp.objects.bulk_create(
        [
            FollowUp(profile=profile, author=author, visit_date=today - number * DAY, notes="Visit")
            for number in range(count)
        ]
    )
    FollowUp.career_steps.through.objects.bulk_create(
        [
            FollowUp.career_steps.through(followup_id=follow_up.pk, careerstep_id=step.pk)
            for follow_up in follow_ups
            for step in steps[:3]
        ]
    )
    QualityRating.objects.bulk_create(
        [
            QualityRating(profile=profile, quality=quality, rating=3)
            for quality in LeadershipQuality.objects.all()[:count]
        ]
    )
    for _ in range(min(count, 5)):
        programme = ProgrammePageFactory(parent=programme_index)
        ProgrammeInterest.objects.create(profile=profile, programme=programme)


def test_the_record_makes_as_many_queries_for_a_long_history_as_for_a_short_one(
    client, talent_pool, site_tree
):
    sip = talent_pool.sip_of_school
    short, long = talent_pool.profile, talent_pool.another_aspirant.aspirant_profile
    _fill_record(short, count=1, author=sip, programme_index=site_tree["programme_index"])
    _fill_record(long, count=40, author=sip, programme_index=site_tree["programme_index"])
    client.force_login(sip)

    def detail(profile):
        return reverse("talentpool:review_detail", args=[profile.pk])

    count_queries(client, detail(short))
    with_short = count_queries(client, detail(short))
    with_long = count_queries(client, detail(long))

    assert with_short == with_long
    assert with_long <= MAX_QUERIES


def test_the_follow_up_form_makes_as_many_queries_for_many_steps_as_for_one(client, talent_pool, site_tree):
    sip = talent_pool.sip_of_school
    short, long = talent_pool.profile, talent_pool.another_aspirant.aspirant_profile
    _fill_record(short, count=1, author=sip, programme_index=site_tree["programme_index"])
    _fill_record(long, count=40, author=sip, programme_index=site_tree["programme_index"])
    client.force_login(sip)

    def form(profile):
        return reverse("talentpool:follow_up_add", args=[profile.pk])

    count_queries(client, form(short))
    assert count_queries(client, form(short)) == count_queries(client, form(long)) <= MAX_QUERIES
