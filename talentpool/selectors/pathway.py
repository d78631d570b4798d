"""Reads for the aspirant's own pages: "My leadership pathway" and the self-assessment."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import Group
from django.db.models import Count, Exists, Max, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from programmes.models import ProgrammePage
from programmes.roles import LA_OFFICERS
from programmes.selectors import live_programmes

from ..log_actions import action_description
from ..models import (
    AspirantProfile,
    CareerStep,
    LeadershipQuality,
    ProgrammeInterest,
    Qualification,
    QualityRating,
)
from ..roles import SCHOOL_IMPROVEMENT_PARTNERS
from .common import career_steps_open_first, latest_follow_ups, log_user_name, record_log_for

LATEST_FOLLOW_UPS = 3
RECORD_VIEWS_SHOWN = 10


# Profile completeness ---------------------------------------------------------------------------


def profile_missing_fields(*, profile: AspirantProfile | None) -> list[str]:
    """What the aspirant still has to fill in, in the form's order, as the dashboard words it.

    Qualifications, the statement and the Rising Stars consent are optional. No queries.
    """
    required = [
        ("school_id", _("your school")),
        ("current_role_id", _("your current role")),
        ("years_in_role", _("your years in role")),
        ("target_role_id", _("the role you are aiming for")),
        ("readiness", _("how ready you feel")),
    ]
    return [
        label for attname, label in required if profile is None or getattr(profile, attname) in (None, "")
    ]


# Who has looked at the record -------------------------------------------------------------------


@dataclass(frozen=True)
class RecordView:
    """One audit log entry about the aspirant's record, as their dashboard words it."""

    who: str
    role: str
    what: str
    when: datetime.datetime  # in the site's time zone (Europe/London)


def _in_group(name: str) -> Exists:
    return Exists(Group.objects.filter(name=name, user=OuterRef("user_id")))


def _role(entry) -> str:
    if entry.by_sip:
        return _("School Improvement Partner")
    if entry.by_officer:
        return _("LA officer")
    if entry.user is not None and entry.user.is_superuser:
        return _("Portal administrator")
    return ""


def record_views_for(
    *, profile: AspirantProfile, limit: int = RECORD_VIEWS_SHOWN
) -> tuple[list[RecordView], bool]:
    """The latest ``limit`` audit log entries about ``profile`` (who, their role, what, when), newest
    first, and whether there are older ones (the full list is in "Download my data"). One query."""
    entries = list(
        record_log_for(profile=profile).annotate(
            by_sip=_in_group(SCHOOL_IMPROVEMENT_PARTNERS), by_officer=_in_group(LA_OFFICERS)
        )[: limit + 1]
    )
    views = [
        RecordView(
            who=log_user_name(entry),
            role=_role(entry),
            what=action_description(entry),
            when=timezone.localtime(entry.timestamp),
        )
        for entry in entries[:limit]
    ]
    return views, len(entries) > limit


# The aspirant's dashboard -----------------------------------------------------------------------


def profile_for(user) -> AspirantProfile | None:
    return (
        AspirantProfile.objects.select_related("school__local_authority", "current_role", "target_role")
        .filter(user=user)
        .first()
    )


def _self_assessment_summary(profile: AspirantProfile) -> dict[str, Any]:
    """How many qualities there are, how many the aspirant rated and when they last changed a rating."""
    mine = Q(ratings__profile=profile)
    return LeadershipQuality.objects.aggregate(
        quality_count=Count("pk", distinct=True),
        rating_count=Count("ratings", filter=mine),
        ratings_updated_at=Max("ratings__updated_at", filter=mine),
    )


def _next_actions(
    *,
    missing_fields: list[str],
    career_steps: list[CareerStep],
    rating_count: int,
    quality_count: int,
    programmes_open: bool,
) -> list[dict[str, str]]:
    """Plain-English suggestions; ``key`` lets the view link each one to the right page."""
    actions = []
    if missing_fields:
        actions.append({"key": "complete-profile", "text": _("Complete your profile")})
    if not career_steps:
        actions.append({"key": "add-career-step", "text": _("Add your first career step")})
    elif not any(step.is_open for step in career_steps):
        actions.append({"key": "add-career-step", "text": _("Add your next career step")})
    if any(step.is_overdue for step in career_steps):
        actions.append(
            {
                "key": "update-overdue-steps",
                "text": _("Update the career steps that are past their target date"),
            }
        )
    if rating_count == 0:
        actions.append({"key": "rate-qualities", "text": _("Rate yourself against the leadership qualities")})
    elif rating_count < quality_count:
        actions.append(
            {"key": "rate-qualities", "text": _("Finish rating yourself against the leadership qualities")}
        )
    if programmes_open:
        actions.append({"key": "find-programmes", "text": _("Look at programmes open for interest")})
    return actions


def _programmes_open_for_interest(profile: AspirantProfile | None) -> bool:
    """Whether a live, public programme is open for interest that the aspirant has not yet joined."""
    programmes = live_programmes().filter(status=ProgrammePage.Status.OPEN)
    if profile is not None:
        programmes = programmes.exclude(interests__profile=profile)
    return programmes.exists()


def qualification_labels(*, profile: AspirantProfile | None) -> dict[str, Any]:
    """The profile's qualifications with readable names; an unknown code is shown as it is. No queries."""
    stored = (profile.qualifications if profile else None) or {}
    names = dict(Qualification.choices)
    return {
        "held": [str(names.get(code, code)) for code in stored.get("held") or []],
        "in_progress": [str(names.get(code, code)) for code in stored.get("in_progress") or []],
        "other": stored.get("other", ""),
    }


def self_assessment_for(*, profile: AspirantProfile | None) -> dict[str, Any]:
    """The framework's qualities in order and the profile's ratings by quality id, in two queries."""
    ratings = {}
    if profile is not None:
        ratings = {rating.quality_id: rating for rating in QualityRating.objects.filter(profile=profile)}
    return {"qualities": list(LeadershipQuality.objects.order_by("sort_order", "name")), "ratings": ratings}


def dashboard_for(*, user) -> dict[str, Any]:
    """Everything "My leadership pathway" shows, in at most nine queries.

    ``profile`` is None for someone who has not started a profile yet. Career steps come open ones
    first, soonest first (each has ``is_overdue``); programme interests include those whose page is
    no longer live (check ``interest.programme.live`` before linking); follow-ups are the latest
    three, each with ``author_name``; ``record_views`` the latest RECORD_VIEWS_SHOWN entries of
    the record's audit log (``record_views_truncated`` if there are more).
    """
    profile = profile_for(user)
    missing_fields = profile_missing_fields(profile=profile)
    if profile is None:
        career_steps, interests, follow_ups = [], [], []
        record_views, record_views_truncated = [], False
        summary = {
            "quality_count": LeadershipQuality.objects.count(),
            "rating_count": 0,
            "ratings_updated_at": None,
        }
    else:
        career_steps = list(career_steps_open_first(profile=profile))
        interests = list(
            ProgrammeInterest.objects.filter(profile=profile)
            .select_related("programme")
            .order_by("-created_at", "-pk")
        )
        follow_ups = latest_follow_ups(profile, limit=LATEST_FOLLOW_UPS)
        summary = _self_assessment_summary(profile)
        record_views, record_views_truncated = record_views_for(profile=profile)
    return {
        "profile": profile,
        "qualifications": qualification_labels(profile=profile),
        "missing_fields": missing_fields,
        "career_steps": career_steps,
        "programme_interests": interests,
        "follow_ups": follow_ups,
        "record_views": record_views,
        "record_views_truncated": record_views_truncated,
        **summary,
        "next_actions": _next_actions(
            missing_fields=missing_fields,
            career_steps=career_steps,
            rating_count=summary["rating_count"],
            quality_count=summary["quality_count"],
            programmes_open=_programmes_open_for_interest(profile),
        ),
    }
