"""The leadership pipeline report: counts of an LA's aspirants, for LA officers in the Wagtail admin.

Every figure is a database aggregate (``values().annotate(Count(...))``), so the report makes the
same six queries for ten aspirants or ten thousand. Python only reorders the grouped rows.
"""

import datetime
from collections import defaultdict

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from programmes.models import LocalAuthority, School

from ..models import AspirantProfile, ProgrammeInterest, Readiness, SIPAssignment
from ..permissions import (
    current_sip_assignment_q,
    profiles_manageable_by,
    sip_assignments_manageable_by,
    sip_in_own_la_q,
)
from .review import FOLLOW_UP_DUE_WITHIN_DAYS

NOT_GIVEN = ""


def _not_given_label() -> str:
    return _("Not given")


def _created_between(*, field: str, date_from: datetime.date | None, date_to: datetime.date | None) -> Q:
    """``field`` (a datetime) falls on or after the start of ``date_from`` and on or before ``date_to``."""
    condition = Q()
    if date_from:
        start = datetime.datetime.combine(date_from, datetime.time.min)
        condition &= Q(**{f"{field}__gte": timezone.make_aware(start)})
    if date_to:
        end = datetime.datetime.combine(date_to + datetime.timedelta(days=1), datetime.time.min)
        condition &= Q(**{f"{field}__lt": timezone.make_aware(end)})
    return condition


def _profiles_in_scope(*, user, local_authority: LocalAuthority | None) -> QuerySet[AspirantProfile]:
    """The profiles the report may count: an officer's LA (superuser: all), narrowed to one LA if asked."""
    profiles = profiles_manageable_by(user)
    if local_authority is not None:
        profiles = profiles.filter(school__local_authority=local_authority)
    return profiles


def _by_role_and_readiness(profiles: QuerySet[AspirantProfile]) -> tuple[list[tuple[str, str]], list[dict]]:
    """The readiness columns, and one row per current role held by anyone counted, in career order.

    Every readiness is a column; "Not given" only when someone has not said.
    """
    grouped = (
        profiles.values("current_role_id", "current_role__name", "current_role__sort_order", "readiness")
        .annotate(count=Count("pk"))
        .order_by()
    )
    rows: dict = {}
    for group in grouped:
        key = group["current_role_id"]
        row = rows.setdefault(
            key,
            {
                "label": group["current_role__name"] or _not_given_label(),
                "sort_key": (
                    key is None,
                    group["current_role__sort_order"] or 0,
                    group["current_role__name"] or "",
                ),
                "counts": defaultdict(int),
                "total": 0,
            },
        )
        row["counts"][group["readiness"] or NOT_GIVEN] += group["count"]
        row["total"] += group["count"]
    columns = list(Readiness.choices)
    if any(row["counts"][NOT_GIVEN] for row in rows.values()):
        columns.append((NOT_GIVEN, _not_given_label()))
    return columns, [
        {
            "label": row["label"],
            "counts": [row["counts"][value] for value, _label in columns],
            "total": row["total"],
        }
        for row in sorted(rows.values(), key=lambda row: row["sort_key"])
    ]


def _by_phase(profiles: QuerySet[AspirantProfile]) -> list[dict]:
    counts = dict(profiles.values_list("school__phase").annotate(count=Count("pk")).order_by())
    rows = [
        {"label": label, "count": counts[value]} for value, label in School.Phase.choices if value in counts
    ]
    unknown = sum(count for value, count in counts.items() if value not in School.Phase.values)
    if unknown:
        rows.append({"label": _("No school given"), "count": unknown})
    return rows


def _by_target_role(profiles: QuerySet[AspirantProfile]) -> list[dict]:
    grouped = (
        profiles.values("target_role_id", "target_role__name")
        .annotate(count=Count("pk"))
        .order_by(F("target_role__sort_order").asc(nulls_last=True), "target_role__name")
    )
    return [
        {"label": group["target_role__name"] or _not_given_label(), "count": group["count"]}
        for group in grouped
    ]


def _interest_statuses() -> list[tuple[str, str]]:
    return list(ProgrammeInterest.Status.choices)


def _programme_interest(interests: QuerySet[ProgrammeInterest]) -> list[dict]:
    statuses = [value for value, _label in _interest_statuses()]
    grouped = (
        interests.values("programme_id", "programme__title")
        .annotate(
            total=Count("pk"),
            **{
                f"status_{index}": Count("pk", filter=Q(status=value)) for index, value in enumerate(statuses)
            },
        )
        .order_by("programme__title", "programme_id")
    )
    return [
        {
            "label": group["programme__title"],
            "counts": [group[f"status_{index}"] for index in range(len(statuses))],
            "total": group["total"],
        }
        for group in grouped
    ]


def _follow_ups_by_sip(
    *, assignments: QuerySet[SIPAssignment], profiles: QuerySet[AspirantProfile], today: datetime.date
) -> list[dict]:
    """Each SIP with one of ``assignments``, with their aspirants' follow-ups by due date.

    A SIP's aspirants are those ``permissions`` lets them review: at a school currently assigned to
    them in their own LA. Counted distinctly, so two assignments to one school count each aspirant once.
    """
    due_by = today + datetime.timedelta(days=FOLLOW_UP_DUE_WITHIN_DAYS)
    assignments = assignments.filter(sip_in_own_la_q())
    in_scope = Q(school__aspirant_profiles__in=profiles)
    grouped = (
        assignments.values("sip_id", "sip__first_name", "sip__last_name", "sip__username")
        .annotate(
            overdue=Count(
                "school__aspirant_profiles",
                filter=in_scope & Q(school__aspirant_profiles__next_follow_up_due__lt=today),
                distinct=True,
            ),
            due_soon=Count(
                "school__aspirant_profiles",
                filter=in_scope
                & Q(
                    school__aspirant_profiles__next_follow_up_due__gte=today,
                    school__aspirant_profiles__next_follow_up_due__lte=due_by,
                ),
                distinct=True,
            ),
        )
        .order_by("sip__last_name", "sip__first_name", "sip__username", "sip_id")
    )
    return [
        {
            "label": _full_name(group["sip__first_name"], group["sip__last_name"]) or group["sip__username"],
            "counts": [group["overdue"], group["due_soon"]],
            "total": group["overdue"] + group["due_soon"],
        }
        for group in grouped
    ]


def _full_name(first_name: str, last_name: str) -> str:
    return f"{first_name} {last_name}".strip()


def pipeline_report_for(
    *,
    user,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
    local_authority: LocalAuthority | None = None,
) -> dict:
    """The leadership pipeline of the LA ``user`` manages (a superuser: every LA, or ``local_authority``).

    Aspirants count when they joined (their profile was created) between ``date_from`` and
    ``date_to``, both inclusive; programme interest when it was registered in that range.
    Follow-ups are those of the aspirants counted (so the dates narrow them too), as of today:
    overdue (before today) or due within FOLLOW_UP_DUE_WITHIN_DAYS.
    Six queries, whatever the data.
    """
    today = timezone.localdate()
    scope = _profiles_in_scope(user=user, local_authority=local_authority)
    profiles = scope.filter(_created_between(field="created_at", date_from=date_from, date_to=date_to))
    interests = ProgrammeInterest.objects.filter(
        Q(profile__in=scope) & _created_between(field="created_at", date_from=date_from, date_to=date_to)
    )
    assignments = sip_assignments_manageable_by(user).filter(current_sip_assignment_q(on=today))
    if local_authority is not None:
        assignments = assignments.filter(school__local_authority=local_authority)
    due_by = today + datetime.timedelta(days=FOLLOW_UP_DUE_WITHIN_DAYS)
    totals = profiles.aggregate(
        aspirants=Count("pk"),
        follow_ups_overdue=Count("pk", filter=Q(next_follow_up_due__lt=today)),
        follow_ups_due_soon=Count(
            "pk", filter=Q(next_follow_up_due__gte=today, next_follow_up_due__lte=due_by)
        ),
    )
    readiness_columns, by_role_and_readiness = _by_role_and_readiness(profiles)
    programme_interest = _programme_interest(interests)
    totals["programme_interests"] = sum(row["total"] for row in programme_interest)
    return {
        "today": today,
        "due_within_days": FOLLOW_UP_DUE_WITHIN_DAYS,
        "totals": totals,
        "readiness_columns": readiness_columns,
        "by_role_and_readiness": by_role_and_readiness,
        "by_phase": _by_phase(profiles),
        "by_target_role": _by_target_role(profiles),
        "interest_statuses": _interest_statuses(),
        "programme_interest": programme_interest,
        "follow_ups_by_sip": _follow_ups_by_sip(assignments=assignments, profiles=profiles, today=today),
    }
