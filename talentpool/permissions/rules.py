"""DESIGN.md's access table as rules on AspirantProfile, and the yes/no checks built on them."""

import datetime
from collections.abc import Callable

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from programmes.models import School
from programmes.roles import LA_OFFICERS

from ..models import (
    AspirantProfile,
    CareerStep,
    LocalAuthorityMembership,
    QualityRating,
    SIPAssignment,
)
from ..roles import ASPIRANT_LEADERS, SCHOOL_IMPROVEMENT_PARTNERS

#: ``request.user``: a (swappable) user model instance or AnonymousUser; None counts as signed out.
AnyUser = AbstractBaseUser | AnonymousUser | None


def current_sip_assignments(*, on: datetime.date | None = None) -> QuerySet[SIPAssignment]:
    """Assignments running on ``on`` (today by default): started, and not ended before that day."""
    return SIPAssignment.objects.filter(current_sip_assignment_q(on=on))


def current_sip_assignment_q(*, on: datetime.date | None = None, prefix: str = "") -> Q:
    """The same rule as a ``Q``; a ``prefix`` such as ``"sip_assignments__"`` applies it from a School."""
    on = on or timezone.localdate()
    return Q(**{f"{prefix}starts_on__lte": on}) & (
        Q(**{f"{prefix}ends_on__isnull": True}) | Q(**{f"{prefix}ends_on__gte": on})
    )


def sip_assignment_is_current(assignment: SIPAssignment, *, on: datetime.date | None = None) -> bool:
    """``current_sip_assignment_q`` for one assignment already loaded. No query."""
    on = on or timezone.localdate()
    return assignment.starts_on <= on and (assignment.ends_on is None or assignment.ends_on >= on)


def sip_in_own_la_q() -> Q:
    """A condition on SIPAssignment: the SIP is in the SIP group and the school is in their own LA.

    Only such assignments give a SIP their reach (with ``current_sip_assignment_q`` for the dates).
    """
    return Q(
        sip__groups__name=SCHOOL_IMPROVEMENT_PARTNERS,
        sip__local_authority_membership__local_authority=F("school__local_authority"),
    )


def _is_signed_in(user: AnyUser) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def _is_superuser(user: AnyUser) -> bool:
    return _is_signed_in(user) and user.is_superuser


def _in_group(user: AnyUser, name: str) -> bool:
    if not _is_signed_in(user) or user.is_superuser:
        return False
    return user.groups.filter(name=name).exists()


def is_aspirant(user: AnyUser) -> bool:
    """In the "Aspirant leaders" group (superusers are not)."""
    return _in_group(user, ASPIRANT_LEADERS)


def is_sip(user: AnyUser) -> bool:
    """In the "School Improvement Partners" group (superusers are not)."""
    return _in_group(user, SCHOOL_IMPROVEMENT_PARTNERS)


def is_la_officer(user: AnyUser) -> bool:
    """In the "LA officers" group (superusers are not)."""
    return _in_group(user, LA_OFFICERS)


def _owner_q(user: AnyUser) -> Q:
    return Q(user=user)


def _sip_school_ids(user: AnyUser) -> QuerySet:
    """Subquery: schools currently assigned to ``user``, a SIP, within the SIP's own LA."""
    return current_sip_assignments().filter(sip_in_own_la_q(), sip=user).values("school_id")


def _officer_local_authority_ids(user: AnyUser) -> QuerySet:
    """Subquery: the LA of ``user``, an LA officer."""
    return LocalAuthorityMembership.objects.filter(user=user, user__groups__name=LA_OFFICERS).values(
        "local_authority_id"
    )


def _sip_q(user: AnyUser) -> Q:
    """Profiles at a school currently assigned to ``user``, a SIP, within the SIP's own LA."""
    return Q(school_id__in=_sip_school_ids(user))


def _officer_q(user: AnyUser) -> Q:
    """Profiles at any school in the LA of ``user``, an LA officer."""
    return Q(school__local_authority_id__in=_officer_local_authority_ids(user))


def _reviewer_q(user: AnyUser) -> Q:
    return (_sip_q(user) | _officer_q(user)) & ~_owner_q(user)


def _profiles_where(user: AnyUser, rule: Callable[[AnyUser], Q]) -> QuerySet[AspirantProfile]:
    """Profiles matching ``rule``: none for the signed out and inactive, all for superusers."""
    profiles = AspirantProfile.objects.all()
    if not _is_signed_in(user):
        return profiles.none()
    if user.is_superuser:
        return profiles
    return profiles.filter(rule(user))


def _contains(profiles: QuerySet[AspirantProfile], profile: AspirantProfile) -> bool:
    return profiles.filter(pk=profile.pk).exists()


def profiles_visible_to(user: AnyUser) -> QuerySet[AspirantProfile]:
    """Every profile ``user`` may read: their own, their assigned schools' (SIP), their LA's (officer)."""
    return _profiles_where(user, lambda u: _owner_q(u) | _reviewer_q(u))


def profiles_reviewable_by(user: AnyUser) -> QuerySet[AspirantProfile]:
    """Profiles ``user`` reviews and follows up as a SIP or officer (the review list); never their own."""
    return _profiles_where(user, _reviewer_q)


def profiles_manageable_by(user: AnyUser) -> QuerySet[AspirantProfile]:
    """Profiles ``user`` manages in the admin as an LA officer: every one in their LA."""
    return _profiles_where(user, _officer_q)


def profiles_editable_by(user: AnyUser) -> QuerySet[AspirantProfile]:
    """The profile ``user`` may change, export and delete from the aspirant's pages: their own."""
    return _profiles_where(user, _owner_q)


def schools_reviewable_by(user: AnyUser) -> QuerySet[School]:
    """Schools whose aspirants ``user`` reviews: a SIP's current schools in their LA, an officer's LA."""
    schools = School.objects.all()
    if not _is_signed_in(user):
        return schools.none()
    if user.is_superuser:
        return schools
    return schools.filter(
        Q(pk__in=_sip_school_ids(user)) | Q(local_authority_id__in=_officer_local_authority_ids(user))
    )


def career_steps_editable_by(user: AnyUser) -> QuerySet[CareerStep]:
    """Steps ``user`` may change: their own. ``get_object_or_404`` on it answers 404 for anyone else's."""
    steps = CareerStep.objects.all()
    if not _is_signed_in(user):
        return steps.none()
    return steps if user.is_superuser else steps.filter(profile__user=user)


def quality_ratings_editable_by(user: AnyUser) -> QuerySet[QualityRating]:
    """Self-ratings ``user`` may change: their own."""
    ratings = QualityRating.objects.all()
    if not _is_signed_in(user):
        return ratings.none()
    return ratings if user.is_superuser else ratings.filter(profile__user=user)


def _is_owner(user: AnyUser, profile: AspirantProfile) -> bool:
    return _is_signed_in(user) and profile.user_id == user.pk


def user_can_view_profile(user: AnyUser, profile: AspirantProfile) -> bool:
    """Whether ``profile`` is in ``profiles_visible_to(user)``; no query for its owner or a superuser."""
    if _is_owner(user, profile) or _is_superuser(user):
        return True
    return _is_signed_in(user) and _contains(profiles_visible_to(user), profile)


def user_can_edit_profile(user: AnyUser, profile: AspirantProfile) -> bool:
    """Its owner (and a superuser) changes, exports or deletes a profile. No query."""
    return _is_owner(user, profile) or _is_superuser(user)


def user_can_record_follow_up(user: AnyUser, profile: AspirantProfile) -> bool:
    """A current SIP of the profile's school or an officer of its LA; never the aspirant themselves."""
    if _is_superuser(user):
        return True
    if not _is_signed_in(user) or _is_owner(user, profile):
        return False
    return _contains(profiles_reviewable_by(user), profile)


def user_can_manage_profile(user: AnyUser, profile: AspirantProfile) -> bool:
    """An officer of the profile's LA (and a superuser)."""
    if _is_superuser(user):
        return True
    return _is_signed_in(user) and _contains(profiles_manageable_by(user), profile)


def user_can_review_talent_pool(user: AnyUser) -> bool:
    """SIPs and LA officers who belong to an LA (and superusers) use the review pages.

    Which aspirants they see there is still only ``profiles_reviewable_by(user)``.
    """
    if _is_superuser(user):
        return True
    return (
        _is_signed_in(user)
        and LocalAuthorityMembership.objects.filter(
            user=user, user__groups__name__in=[SCHOOL_IMPROVEMENT_PARTNERS, LA_OFFICERS]
        ).exists()
    )


def user_can_export_profile_list(user: AnyUser) -> bool:
    """Everyone who reviews may export their (filtered) list; it holds only what they may see."""
    return user_can_review_talent_pool(user)


def user_can_use_pathway(user: AnyUser) -> bool:
    """The aspirant's own pages ("My leadership pathway") are for aspirant leaders."""
    return is_aspirant(user)
