"""Download my data: everything the portal holds about a person."""

import datetime
from typing import Any

from django.apps import apps

from ..log_actions import action_description
from ..models import (
    AspirantProfile,
    CareerStep,
    FollowUp,
    FollowUpReminder,
    LocalAuthorityMembership,
    ProgrammeInterest,
    QualityRating,
    SIPAssignment,
)
from .common import latest_follow_ups, log_user_name, record_log_for
from .pathway import profile_for

# Download my data -------------------------------------------------------------------------------


def _iso(value: datetime.date | None) -> str | None:
    return value.isoformat() if value is not None else None


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
        "next_follow_up_due": _iso(profile.next_follow_up_due),
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
    reminders = FollowUpReminder.objects.filter(sip=user).order_by("sent_at", "pk")
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
        # Which aspirants they were reminded about is those aspirants' data, not theirs.
        "follow_up_reminders": [
            {"due_date": _iso(reminder.due_date), "sent_at": _iso(reminder.sent_at)} for reminder in reminders
        ],
    }


def personal_data_for(*, user) -> dict[str, Any]:
    """Everything the portal holds about ``user``, for "Download my data"; ``json.dumps`` takes it as is.

    Includes the follow-up notes others wrote about them and who looked at their record (from
    Wagtail's audit log). Notes they wrote about other people are not theirs to download.
    """
    profile = profile_for(user)
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
        follow_ups=[_follow_up_data(follow_up) for follow_up in latest_follow_ups(profile, limit=None)],
        record_viewed_by=[
            {
                "action": entry.action,
                "description": action_description(entry),
                "timestamp": _iso(entry.timestamp),
                "by": log_user_name(entry),
            }
            for entry in record_log_for(profile=profile)
        ],
    )
    return data
