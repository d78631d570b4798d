"""Reads for the talent pool. Every function makes a fixed number of queries, whatever the data.

They take the person whose data is read and trust the caller to have checked, with
``talentpool.permissions``, that the person asking may read it.
"""

import datetime
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, Count, IntegerField, Max, Prefetch, Q, QuerySet, Value, When
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry

from programmes.models import ProgrammePage
from programmes.selectors import live_programmes

from .models import (
    AspirantProfile,
    CareerStep,
    FollowUp,
    LeadershipQuality,
    LocalAuthorityMembership,
    ProgrammeInterest,
    Qualification,
    QualityRating,
    SIPAssignment,
)

LATEST_FOLLOW_UPS = 3


def display_name(user) -> str:
    """A user's full name, or their username when they gave no name; for deleted users, say so."""
    if user is None:
        return _("a former member of staff")
    return user.get_full_name().strip() or user.get_username()


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


# The aspirant's dashboard -----------------------------------------------------------------------


def _profile_for(user) -> AspirantProfile | None:
    return (
        AspirantProfile.objects.select_related("school__local_authority", "current_role", "target_role")
        .filter(user=user)
        .first()
    )


def _career_steps_open_first(profile: AspirantProfile) -> QuerySet[CareerStep]:
    """Planned and in-progress steps first, each group soonest target date first."""
    return (
        CareerStep.objects.filter(profile=profile)
        .select_related("programme", "target_role")
        .annotate(
            closed=Case(
                When(status__in=CareerStep.OPEN_STATUSES, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("closed", "target_date", "pk")
    )


def _latest_follow_ups(profile: AspirantProfile, *, limit: int | None) -> list[FollowUp]:
    follow_ups = (
        FollowUp.objects.filter(profile=profile)
        .select_related("author")
        .prefetch_related(Prefetch("career_steps", queryset=CareerStep.objects.order_by("target_date", "pk")))
        .order_by("-visit_date", "-pk")
    )
    follow_ups = list(follow_ups[:limit] if limit else follow_ups)
    for follow_up in follow_ups:
        follow_up.author_name = display_name(follow_up.author)
    return follow_ups


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
    """Everything "My leadership pathway" shows, in at most eight queries.

    ``profile`` is None for someone who has not started a profile yet. Career steps come open ones
    first, soonest first (each has ``is_overdue``); programme interests include those whose page is
    no longer live (check ``interest.programme.live`` before linking); follow-ups are the latest
    three, each with ``author_name``.
    """
    profile = _profile_for(user)
    missing_fields = profile_missing_fields(profile=profile)
    if profile is None:
        career_steps, interests, follow_ups = [], [], []
        summary = {
            "quality_count": LeadershipQuality.objects.count(),
            "rating_count": 0,
            "ratings_updated_at": None,
        }
    else:
        career_steps = list(_career_steps_open_first(profile))
        interests = list(
            ProgrammeInterest.objects.filter(profile=profile)
            .select_related("programme")
            .order_by("-created_at", "-pk")
        )
        follow_ups = _latest_follow_ups(profile, limit=LATEST_FOLLOW_UPS)
        summary = _self_assessment_summary(profile)
    return {
        "profile": profile,
        "qualifications": qualification_labels(profile=profile),
        "missing_fields": missing_fields,
        "career_steps": career_steps,
        "programme_interests": interests,
        "follow_ups": follow_ups,
        **summary,
        "next_actions": _next_actions(
            missing_fields=missing_fields,
            career_steps=career_steps,
            rating_count=summary["rating_count"],
            quality_count=summary["quality_count"],
            programmes_open=_programmes_open_for_interest(profile),
        ),
    }


# Download my data -------------------------------------------------------------------------------


def _iso(value: datetime.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def record_log_for(*, profile: AspirantProfile) -> QuerySet[ModelLogEntry]:
    """Wagtail audit log entries about ``profile`` (views, exports, follow-ups), newest first."""
    return (
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(AspirantProfile),
            object_id=str(profile.pk),
        )
        .select_related("user")
        .order_by("-timestamp", "-pk")
    )


def _account_data(user) -> dict[str, Any]:
    return {
        "username": user.get_username(),
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "date_joined": _iso(user.date_joined),
        "last_login": _iso(user.last_login),
        "groups": sorted(user.groups.values_list("name", flat=True)),
    }


def _profile_data(profile: AspirantProfile) -> dict[str, Any]:
    school = profile.school
    return {
        "school": school
        and {
            "name": school.name,
            "urn": school.urn,
            "local_authority": school.local_authority.name,
        },
        "current_role": profile.current_role and profile.current_role.name,
        "years_in_role": profile.years_in_role,
        "target_role": profile.target_role and profile.target_role.name,
        "readiness": str(profile.get_readiness_display()),
        "qualifications": profile.qualifications,
        "statement": profile.statement,
        "rising_stars_consent": profile.rising_stars_consent,
        "rising_stars_consent_changed_at": _iso(profile.rising_stars_consent_changed_at),
        "created_at": _iso(profile.created_at),
        "updated_at": _iso(profile.updated_at),
    }


def _career_step_data(step: CareerStep) -> dict[str, Any]:
    return {
        "id": step.pk,
        "title": step.title,
        "target_role": step.target_role and step.target_role.name,
        "target_date": _iso(step.target_date),
        "status": str(step.get_status_display()),
        "programme": step.programme and step.programme.title,
        "created_at": _iso(step.created_at),
        "updated_at": _iso(step.updated_at),
    }


def _follow_up_data(follow_up: FollowUp) -> dict[str, Any]:
    return {
        "visit_date": _iso(follow_up.visit_date),
        "author": follow_up.author_name,
        "notes": follow_up.notes,
        "agreed_actions": follow_up.agreed_actions,
        "next_follow_up_due": _iso(follow_up.next_follow_up_due),
        "career_steps": [step.title for step in follow_up.career_steps.all()],
        "created_at": _iso(follow_up.created_at),
    }


def _email_addresses(user) -> list[dict[str, Any]]:
    if not apps.is_installed("allauth.account"):
        return []
    from allauth.account.models import EmailAddress

    return [
        {"email": address.email, "verified": address.verified, "primary": address.primary}
        for address in EmailAddress.objects.filter(user=user).order_by("-primary", "email")
    ]


def _staff_data(user) -> dict[str, Any]:
    """For SIPs and officers: their LA and school assignments."""
    membership = LocalAuthorityMembership.objects.select_related("local_authority").filter(user=user).first()
    assignments = SIPAssignment.objects.filter(sip=user).select_related("school").order_by("starts_on", "pk")
    return {
        "local_authority": membership and membership.local_authority.name,
        "sip_assignments": [
            {
                "school": assignment.school.name,
                "urn": assignment.school.urn,
                "starts_on": _iso(assignment.starts_on),
                "ends_on": _iso(assignment.ends_on),
            }
            for assignment in assignments
        ],
    }


def personal_data_for(*, user) -> dict[str, Any]:
    """Everything the portal holds about ``user``, for "Download my data"; ``json.dumps`` takes it as is.

    Includes the follow-up notes others wrote about them and who looked at their record (from
    Wagtail's audit log). Notes they wrote about other people are not theirs to download.
    """
    profile = _profile_for(user)
    data: dict[str, Any] = {
        "account": _account_data(user),
        "email_addresses": _email_addresses(user),
        **_staff_data(user),
        "profile": None,
        "career_steps": [],
        "programme_interests": [],
        "quality_ratings": [],
        "follow_ups": [],
        "record_viewed_by": [],
    }
    if profile is None:
        return data
    steps = CareerStep.objects.filter(profile=profile).select_related("programme", "target_role")
    interests = (
        ProgrammeInterest.objects.filter(profile=profile)
        .select_related("programme")
        .order_by("created_at", "pk")
    )
    ratings = (
        QualityRating.objects.filter(profile=profile)
        .select_related("quality")
        .order_by("quality__sort_order", "quality__name")
    )
    data.update(
        profile=_profile_data(profile),
        career_steps=[_career_step_data(step) for step in steps],
        programme_interests=[
            {
                "programme": interest.programme.title,
                "status": str(interest.get_status_display()),
                "created_at": _iso(interest.created_at),
                "updated_at": _iso(interest.updated_at),
            }
            for interest in interests
        ],
        quality_ratings=[
            {
                "quality": rating.quality.name,
                "rating": rating.rating,
                "evidence": rating.evidence,
                "updated_at": _iso(rating.updated_at),
            }
            for rating in ratings
        ],
        follow_ups=[_follow_up_data(follow_up) for follow_up in _latest_follow_ups(profile, limit=None)],
        record_viewed_by=[
            {"action": entry.action, "timestamp": _iso(entry.timestamp), "by": _log_user_name(entry)}
            for entry in record_log_for(profile=profile)
        ],
    )
    return data


def _log_user_name(entry: ModelLogEntry) -> str:
    if entry.user_id is None:
        return _("the system")
    return display_name(entry.user) if entry.user is not None else _("someone whose account was deleted")
