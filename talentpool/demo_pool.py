"""An invented Bedford talent pool for the demo SIP and officer to review (development only).

Twenty-four aspirant leaders across four Bedford schools, with career steps, self-ratings,
programme interests and the SIP's follow-ups, some overdue, so the review list, the due list,
the export and the pipeline report have something to show. Every name is made up. The accounts
have no usable password: nobody signs in as them. Dates are relative to the day it is loaded.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from programmes.models import CareerStage, ProgrammePage, School

from .models import (
    AspirantProfile,
    CareerStep,
    FollowUp,
    LeadershipQuality,
    ProgrammeInterest,
    QualityRating,
    Readiness,
)
from .roles import ASPIRANT_LEADERS
from .services import profile_next_follow_up_refresh

DAY = datetime.timedelta(days=1)

# first name, last name, current role, role aiming for, readiness
PEOPLE = (
    ("Priya", "Shah", "teacher", "middle-leader", Readiness.READY_NOW),
    ("Tom", "Whitfield", "middle-leader", "senior-leader", Readiness.ONE_TO_TWO_YEARS),
    ("Grace", "Okafor", "teaching-assistant", "teacher", Readiness.ONE_TO_TWO_YEARS),
    ("Daniel", "Hughes", "deputy-headteacher", "headteacher", Readiness.READY_NOW),
    ("Ellie", "Marsh", "early-career-teacher", "teacher", Readiness.THREE_PLUS_YEARS),
    ("Marcus", "Bell", "senior-leader", "deputy-headteacher", Readiness.ONE_TO_TWO_YEARS),
    ("Fatima", "Begum", "teacher", "middle-leader", Readiness.ONE_TO_TWO_YEARS),
    ("Owen", "Price", "middle-leader", "senior-leader", Readiness.READY_NOW),
    ("Sophie", "Clarke", "teacher", "middle-leader", Readiness.THREE_PLUS_YEARS),
    ("Kwame", "Mensah", "senior-leader", "deputy-headteacher", Readiness.READY_NOW),
    ("Hannah", "Lloyd", "teaching-assistant", "teacher", Readiness.THREE_PLUS_YEARS),
    ("Rajesh", "Nair", "deputy-headteacher", "headteacher", Readiness.ONE_TO_TWO_YEARS),
    ("Chloe", "Fraser", "early-career-teacher", "teacher", Readiness.ONE_TO_TWO_YEARS),
    ("Liam", "Doyle", "middle-leader", "senior-leader", Readiness.THREE_PLUS_YEARS),
    ("Aisha", "Karim", "teacher", "middle-leader", Readiness.READY_NOW),
    ("Ben", "Turner", "senior-leader", "deputy-headteacher", Readiness.THREE_PLUS_YEARS),
    ("Nadia", "Kowalski", "middle-leader", "senior-leader", Readiness.ONE_TO_TWO_YEARS),
    ("Joel", "Adeyemi", "teacher", "middle-leader", Readiness.ONE_TO_TWO_YEARS),
    ("Megan", "Rees", "deputy-headteacher", "headteacher", Readiness.THREE_PLUS_YEARS),
    ("Samir", "Haddad", "teaching-assistant", "teacher", Readiness.READY_NOW),
    ("Lucy", "Barnes", "early-career-teacher", "teacher", Readiness.THREE_PLUS_YEARS),
    ("Ibrahim", "Yusuf", "middle-leader", "senior-leader", Readiness.READY_NOW),
    ("Zoe", "Fletcher", "teacher", "middle-leader", Readiness.ONE_TO_TWO_YEARS),
    ("Patrick", "Quinn", "senior-leader", "deputy-headteacher", Readiness.ONE_TO_TWO_YEARS),
)
SCHOOLS_IN_POOL = 4

STEP_TITLES = {
    "teaching-assistant": "Complete a level 3 teaching assistant course",
    "early-career-teacher": "Lead a reading intervention group for a term",
    "teacher": "Co-lead the maths curriculum review",
    "middle-leader": "Shadow a senior leader at four SLT meetings",
    "senior-leader": "Lead the whole-school attendance project",
    "deputy-headteacher": "Act as head of school for a half term",
}
PROGRAMME_SLUGS = ("terrific-teams", "growing-your-own-leaders", "deputy-headteacher-networks")


def demo_pool_schools(schools: list[School]) -> list[School]:
    """The Bedford schools the demo pool and the demo SIP's assignments use."""
    return schools[:SCHOOLS_IN_POOL]


def add_demo_pool(*, result, schools: list[School], sip) -> None:
    """Add the invented aspirants; people already there (matched by username) are left alone."""
    user_model = get_user_model()
    aspirant_group = Group.objects.get(name=ASPIRANT_LEADERS)
    stages = {stage.slug: stage for stage in CareerStage.objects.all()}
    qualities = list(LeadershipQuality.objects.order_by("sort_order"))
    programmes = list(ProgrammePage.objects.live().filter(slug__in=PROGRAMME_SLUGS).order_by("slug"))
    today = timezone.localdate()
    for number, (first_name, last_name, current, target, readiness) in enumerate(PEOPLE):
        username = f"demo-{first_name}-{last_name}".lower()
        user, created = user_model.objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@example.org",
                "first_name": first_name,
                "last_name": last_name,
            },
        )
        result.record("Demo talent pool aspirants", created=created)
        if not created:
            continue
        user.set_unusable_password()
        user.save(update_fields=["password"])
        user.groups.add(aspirant_group)
        profile = AspirantProfile.objects.create(
            user=user,
            school=schools[number % len(schools)],
            current_role=stages[current],
            target_role=stages[target],
            years_in_role=1 + number % 7,
            readiness=readiness,
            qualifications={"held": [], "in_progress": ["npqsl"] if "senior" in target else [], "other": ""},
            statement=f"I would like to move towards {stages[target].name.lower()} within our partnership.",
            rising_stars_consent=number % 3 == 0,
            created_at=timezone.now() - (30 + 11 * number) * DAY,
        )
        _add_history(profile=profile, number=number, sip=sip, today=today, stages=stages, current=current)
        for quality in qualities[: 3 + number % 8]:
            QualityRating.objects.create(
                profile=profile,
                quality=quality,
                rating=1 + (number + quality.sort_order) % 5,
                evidence="Examples from this year's work with colleagues.",
            )
        if programmes and number % 2 == 0:
            ProgrammeInterest.objects.create(
                profile=profile,
                programme=programmes[number % len(programmes)],
                status=(ProgrammeInterest.Status.INTERESTED, ProgrammeInterest.Status.ENROLLED)[
                    number % 4 == 0
                ],
            )


def _add_history(*, profile, number: int, sip, today: datetime.date, stages, current: str) -> None:
    """Two steps (one late for every fourth person) and, for most, a follow-up by the demo SIP."""
    late = number % 4 == 1
    first = CareerStep.objects.create(
        profile=profile,
        title=STEP_TITLES[current],
        target_role=profile.target_role,
        target_date=today + (-12 if late else 40 + 9 * number) * DAY,
        status=CareerStep.Status.IN_PROGRESS if number % 3 else CareerStep.Status.PLANNED,
    )
    CareerStep.objects.create(
        profile=profile,
        title="Visit another school to see how their leaders work",
        target_date=today + (90 + 5 * number) * DAY,
        status=CareerStep.Status.ACHIEVED if number % 5 == 0 else CareerStep.Status.PLANNED,
    )
    if sip is None or number % 6 == 5:
        return  # not followed up yet
    # Next follow-ups spread from 3 weeks overdue to 2 months ahead.
    follow_up = FollowUp.objects.create(
        profile=profile,
        author=sip,
        visit_date=today - (25 + 3 * number) * DAY,
        notes="Talked through the plan for this year and what support the school can give.",
        agreed_actions="Book time with the headteacher to agree the project's scope.",
        next_follow_up_due=today + (-21 + 4 * number) * DAY,
    )
    follow_up.career_steps.set([first])
    profile_next_follow_up_refresh(profile=profile)
