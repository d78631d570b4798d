"""Reads for SIPs and LA officers reviewing the talent pool: the filtered list and its choices,
one aspirant's record, and the follow-ups that are due.

``aspirants_for_reviewer`` starts from ``permissions.profiles_reviewable_by`` so nobody can filter
their way outside what they may see. Per-row figures are subqueries rather than joins, so a
filter on steps or programmes never repeats a row, and one page of the list is one query.
"""

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce, Lower
from django.utils import timezone

from programmes.models import CareerStage, ProgrammePage, School

from ..models import AspirantProfile, CareerStep, FollowUp, ProgrammeInterest
from ..permissions import profiles_reviewable_by, schools_reviewable_by
from .common import career_steps_open_first, display_name, every_word_q, latest_follow_ups
from .pathway import qualification_labels, self_assessment_for

#: "Follow-up due" means due within this many days, or already overdue.
FOLLOW_UP_DUE_WITHIN_DAYS = 14


@dataclass(frozen=True)
class ReviewFilters:
    """What the reviewer asked for. Values within one filter widen the list; filters narrow it."""

    search: str = ""
    schools: tuple[int, ...] = ()
    current_roles: tuple[int, ...] = ()
    target_roles: tuple[int, ...] = ()
    readiness: tuple[str, ...] = ()
    programmes: tuple[int, ...] = ()
    step_statuses: tuple[str, ...] = ()
    follow_up_due: bool = False
    sort: str = "name"


def _open_steps(profile_ref: str = "pk") -> QuerySet[CareerStep]:
    return CareerStep.objects.filter(profile=OuterRef(profile_ref), status__in=CareerStep.OPEN_STATUSES)


def _with_row_figures(profiles: QuerySet[AspirantProfile]) -> QuerySet[AspirantProfile]:
    """Each row's open step count, next step date and last visit, as correlated subqueries."""
    open_step_count = _open_steps().order_by().values("profile").annotate(n=Count("pk")).values("n")
    return profiles.annotate(
        open_step_count=Coalesce(Subquery(open_step_count, output_field=IntegerField()), 0),
        next_step_date=Subquery(_open_steps().order_by("target_date").values("target_date")[:1]),
        last_visit_date=Subquery(
            FollowUp.objects.filter(profile=OuterRef("pk")).order_by("-visit_date").values("visit_date")[:1]
        ),
    )


SORTS = {
    "name": (Lower("user__last_name"), Lower("user__first_name"), "pk"),
    "school": ("school__name", Lower("user__last_name"), Lower("user__first_name"), "pk"),
    "follow-up": (F("next_follow_up_due").asc(nulls_last=True), Lower("user__last_name"), "pk"),
    "next-step": (F("next_step_date").asc(nulls_last=True), Lower("user__last_name"), "pk"),
    "recently-updated": ("-updated_at", "pk"),
}


#: Where the name search looks, on AspirantProfile.
NAME_SEARCH_FIELDS = ["user__first_name", "user__last_name", "user__email"]


def follow_up_due_q(*, on: datetime.date | None = None) -> Q:
    """Profiles whose next follow-up is overdue or due within FOLLOW_UP_DUE_WITHIN_DAYS of ``on``."""
    on = on or timezone.localdate()
    return Q(next_follow_up_due__lte=on + datetime.timedelta(days=FOLLOW_UP_DUE_WITHIN_DAYS))


def aspirants_for_reviewer(*, user, filters: ReviewFilters) -> QuerySet[AspirantProfile]:
    """The aspirants ``user`` reviews (SIP: assigned schools; officer: their LA), filtered and sorted.

    Rows carry ``open_step_count``, ``next_step_date`` and ``last_visit_date``, with
    ``user``, ``school``, ``current_role`` and ``target_role`` joined: a page is one query.
    """
    profiles = profiles_reviewable_by(user).select_related("user", "school", "current_role", "target_role")
    if filters.search.strip():
        profiles = profiles.filter(every_word_q(filters.search, NAME_SEARCH_FIELDS))
    if filters.schools:
        profiles = profiles.filter(school_id__in=filters.schools)
    if filters.current_roles:
        profiles = profiles.filter(current_role_id__in=filters.current_roles)
    if filters.target_roles:
        profiles = profiles.filter(target_role_id__in=filters.target_roles)
    if filters.readiness:
        profiles = profiles.filter(readiness__in=filters.readiness)
    if filters.programmes:
        interests = ProgrammeInterest.objects.filter(
            profile=OuterRef("pk"), programme_id__in=filters.programmes
        )
        profiles = profiles.filter(Exists(interests))
    if filters.step_statuses:
        profiles = profiles.filter(
            Exists(CareerStep.objects.filter(profile=OuterRef("pk"), status__in=filters.step_statuses))
        )
    if filters.follow_up_due:
        profiles = profiles.filter(follow_up_due_q())
    profiles = _with_row_figures(profiles)
    return profiles.order_by(*SORTS.get(filters.sort, SORTS["name"]))


def review_filter_choices(*, user) -> dict[str, list]:
    """The schools, career stages and programmes the reviewer's filters offer, in three queries.

    Schools are those ``user`` reviews (a SIP's current schools, an officer's whole LA);
    programmes those that any aspirant ``user`` reviews registered interest in.
    """
    programmes = ProgrammePage.objects.filter(interests__profile__in=profiles_reviewable_by(user))
    return {
        "schools": list(schools_reviewable_by(user).order_by("name").values_list("pk", "name")),
        "career_stages": list(CareerStage.objects.order_by("sort_order", "name").values_list("pk", "name")),
        "programmes": list(programmes.distinct().order_by("title").values_list("pk", "title")),
    }


# One aspirant's record ---------------------------------------------------------------------------


def profiles_for_review(*, user) -> QuerySet[AspirantProfile]:
    """The profiles ``user`` may open as a reviewer, each with its user, school, LA and roles.

    Views look one up with ``get_object_or_404`` (404 for anyone else's) and pass it to
    ``review_record_for``.
    """
    return profiles_reviewable_by(user).select_related(
        "user", "school__local_authority", "current_role", "target_role"
    )


def review_record_for(*, profile: AspirantProfile) -> dict[str, Any]:
    """Everything the aspirant record page shows, in seven queries whatever the record holds.

    ``profile`` is one from ``profiles_for_review`` (so its user, school, LA and roles are
    loaded already). ``career_steps`` come open ones first, each with ``is_overdue``;
    ``self_assessment`` has one row per quality of the framework, in order, with the aspirant's
    rating or None, and ``rated_count`` how many they rated; ``follow_ups`` holds every
    follow-up, newest first, each with ``author_name`` and the steps discussed. The caller has
    checked that the reader may see the record.
    """
    assessment = self_assessment_for(profile=profile)
    return {
        "profile": profile,
        "name": display_name(profile.user),
        "qualifications": qualification_labels(profile=profile),
        "career_steps": list(career_steps_open_first(profile=profile)),
        "self_assessment": [
            {"quality": quality, "rating": assessment["ratings"].get(quality.pk)}
            for quality in assessment["qualities"]
        ],
        "rated_count": len(assessment["ratings"]),
        "programme_interests": list(
            ProgrammeInterest.objects.filter(profile=profile)
            .select_related("programme")
            .order_by("-created_at", "-pk")
        ),
        "follow_ups": latest_follow_ups(profile, limit=None),
    }


# Due follow-ups ----------------------------------------------------------------------------------


@dataclass
class DueItem:
    """One row of the due list: a follow-up due for an aspirant, or one of their steps past its date."""

    profile: AspirantProfile
    date: datetime.date
    overdue: bool
    step: CareerStep | None = None

    @property
    def is_step(self) -> bool:
        return self.step is not None


@dataclass
class SchoolDue:
    """A school's due follow-ups and late steps, soonest (most overdue) first."""

    school: School | None
    items: list[DueItem] = field(default_factory=list)

    @property
    def follow_ups(self) -> list[DueItem]:
        return [item for item in self.items if not item.is_step]

    @property
    def overdue_steps(self) -> list[DueItem]:
        return [item for item in self.items if item.is_step]


def due_follow_ups_for(*, user, on: datetime.date | None = None) -> list[SchoolDue]:
    """What the reviewer should follow up next, by school (in name order), in two queries.

    For each school: the aspirants whose next follow-up is overdue or due within
    FOLLOW_UP_DUE_WITHIN_DAYS, and the open career steps whose target date has passed, together
    and sorted by date (then by name). Only aspirants ``user`` reviews are included.
    """
    on = on or timezone.localdate()
    reviewable = profiles_reviewable_by(user)
    profiles = (
        reviewable.filter(follow_up_due_q(on=on))
        .select_related("user", "school")
        .order_by("next_follow_up_due", "pk")
    )
    steps = (
        CareerStep.objects.filter(
            profile__in=reviewable.values("pk"),
            status__in=CareerStep.OPEN_STATUSES,
            target_date__lt=on,
        )
        .select_related("profile__user", "profile__school")
        .order_by("target_date", "pk")
    )
    items = [
        DueItem(profile=profile, date=profile.next_follow_up_due, overdue=profile.next_follow_up_due < on)
        for profile in profiles
    ] + [DueItem(profile=step.profile, date=step.target_date, overdue=True, step=step) for step in steps]
    by_school: dict[int | None, SchoolDue] = {}
    for item in items:
        school = item.profile.school
        key = school.pk if school else None
        by_school.setdefault(key, SchoolDue(school=school)).items.append(item)
    for group in by_school.values():
        group.items.sort(
            key=lambda item: (
                item.date,
                item.is_step,
                item.profile.user.last_name.lower(),
                item.profile.user.first_name.lower(),
                item.profile.pk,
            )
        )
    return sorted(
        by_school.values(),
        key=lambda group: (group.school is None, group.school.name.lower() if group.school else ""),
    )
