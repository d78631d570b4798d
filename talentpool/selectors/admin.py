"""Reads for the talent pool's admin pages beyond their listings' own querysets.

An aspirant's whole record comes from ``review_record_for``, as on the review pages.
"""

from django.db.models import Prefetch

from .. import permissions
from ..models import AspirantProfile, CareerStep, FollowUp
from .common import display_name


def follow_up_for(*, follow_up: FollowUp) -> FollowUp:
    """The follow-up with its aspirant, school, author and the steps discussed, in two queries."""
    return (
        FollowUp.objects.select_related("profile__user", "profile__school", "author")
        .prefetch_related(Prefetch("career_steps", queryset=CareerStep.objects.order_by("target_date", "pk")))
        .get(pk=follow_up.pk)
    )


def record_names_for(*, user, model, object_ids: set[int]) -> dict[int, str]:
    """``{pk: who or what the record is about}`` for the records ``user`` manages, in one query."""
    if model is AspirantProfile:
        rows = permissions.profiles_manageable_by(user).filter(pk__in=object_ids).select_related("user")
        return {row.pk: display_name(row.user) for row in rows}
    if model is FollowUp:
        rows = (
            permissions.follow_ups_manageable_by(user)
            .filter(pk__in=object_ids)
            .select_related("profile__user")
        )
        return {row.pk: display_name(row.profile.user) for row in rows}
    rows = permissions.sip_assignments_manageable_by(user).filter(pk__in=object_ids).select_related("school")
    return {row.pk: row.school.name for row in rows}
