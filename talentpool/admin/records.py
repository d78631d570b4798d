"""Reads for the admin's talent pool pages beyond the listings' own querysets.

An aspirant's whole record comes from ``selectors.review_record_for``, as on the review pages.
"""

from django.db.models import Prefetch

from ..models import CareerStep, FollowUp


def follow_up_for(*, follow_up: FollowUp) -> FollowUp:
    """The follow-up with its aspirant, school, author and the steps discussed, in two queries."""
    return (
        FollowUp.objects.select_related("profile__user", "profile__school", "author")
        .prefetch_related(Prefetch("career_steps", queryset=CareerStep.objects.order_by("target_date", "pk")))
        .get(pk=follow_up.pk)
    )
